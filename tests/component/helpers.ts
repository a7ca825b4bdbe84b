import { enableAutoUnmount, flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { createPinia, disposePinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { h, type Component } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type RouteRecordRaw } from 'vue-router'
import type { Briefing } from '~/briefings/types'
import { makeBriefing } from '../support/briefings'
import { db } from '~/db'
import { mirrorBriefings } from '~/db/briefings'
import { routes } from '~/router'
import { useFeedStore } from '~/stores/feed'

export { makeBriefing }

/**
 * Each test: an empty database, a fresh Pinia whose feed sync has finished (there is no network
 * here: the feed store is never started), and nothing left mounted.
 */
export function useComponentTestSetup() {
  let pinia: Pinia
  // Hooks after a test run last-registered first: unmount, then stop the stores' listeners.
  afterEach(() => disposePinia(pinia))
  enableAutoUnmount(afterEach)
  beforeEach(async () => {
    await db.delete()
    await db.open()
    setActivePinia(pinia = createPinia())
    useFeedStore().state = 'done'
  })
}

export async function seedBriefing(briefing: Briefing = makeBriefing()) {
  await mirrorBriefings([{ briefing, hash: `hash-${briefing.id}` }], 'feed')
  return briefing
}

/**
 * Mounts `component` (by default a bare RouterView) with the app's real routes in memory
 * history, opened at `path`, and the active Pinia. `routeList` lets a test pass routes it
 * imported afresh.
 */
export async function mountRoute(path: string, component: Component = { render: () => h(RouterView) }, routeList: RouteRecordRaw[] = routes) {
  const router = createRouter({ history: createMemoryHistory(), routes: routeList })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(component, {
    global: { plugins: [router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router }
}

/** Waits until liveQuery has re-rendered what `check` expects. */
export async function until(check: () => void | Promise<void>) {
  await vi.waitFor(async () => {
    await flushPromises()
    await check()
  }, { timeout: 2000, interval: 10 })
}

/** A mounted component or an element found in it. */
interface Root {
  findAll(selector: string): DOMWrapper<Element>[]
  get(selector: string): Omit<DOMWrapper<Element>, 'exists'>
}

/** The button whose text is exactly `name`. */
export function button(root: Root, name: string) {
  const found = root.findAll('button').filter(b => b.text() === name)
  expect(found, `one button named "${name}"`).toHaveLength(1)
  return found[0]!
}

export function hasButton(root: Root, name: string) {
  return root.findAll('button').some(b => b.text() === name)
}

/** The form field labelled exactly `name`, through its <label for>. */
export function field(root: Root, name: string) {
  const label = root.findAll('label').find(l => l.text() === name)
  expect(label, `a field labelled "${name}"`).toBeTruthy()
  return root.get(`[id="${label!.attributes('for')}"]`)
}

export function pointerCard(root: VueWrapper, n: number) {
  return root.get(`article[id$="-p${n}"]`)
}
