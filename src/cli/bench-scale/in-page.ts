import type { Page } from 'playwright-core'

/**
 * Runs a self-contained function in the page, with helper functions passed beside its argument.
 * The source is sent as text because tsx compiles named functions into `__name(fn, 'name')` calls
 * that do not exist in the page (Playwright's own function serialising breaks on them), and
 * because the page cannot import the generator: it receives its source instead.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Helper = (...args: any[]) => unknown

export function pageScript(main: Helper, arg: unknown, helpers: readonly Helper[] = []): string {
  const args = [JSON.stringify(arg ?? null), ...helpers.map(String)].join(',\n')
  return `(() => { const __name = (fn) => fn; return (${String(main)})(${args}) })()`
}

/** A deadline for anything the page does: a page stuck in a long task never answers on its own. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`Waited ${Math.round(ms / 1000)} s for ${what}`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

export class DeadlineError extends Error {}

export function inPage<R>(page: Page, ms: number, what: string, main: Helper, arg?: unknown, helpers?: readonly Helper[]): Promise<R> {
  return within(ms, what, page.evaluate(pageScript(main, arg, helpers)) as Promise<R>)
}
