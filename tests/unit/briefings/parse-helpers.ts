import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { parseBriefing, type ParseOptions } from '~/briefings/parse'
import type { Briefing, BriefingProblem } from '~/briefings/types'

export const SHARED_NAME = '2025-09-05-ukraine-putin-rejects-peace-force.txt'
export const SHARED_TEXT = readFileSync(path.resolve('src/content/briefings', SHARED_NAME), 'utf8')

/** Parses text that must be a briefing. */
export function briefingOf(text: string, options?: ParseOptions): Briefing {
  const result = parseBriefing(text, options)
  if (!result.ok) expect.fail(`expected a briefing, got: ${result.problem.message} (line ${result.problem.line})`)
  return result.briefing
}

/** Parses text that must be refused. */
export function problemOf(text: string, options?: ParseOptions): BriefingProblem {
  const result = parseBriefing(text, options)
  if (result.ok) expect.fail(`expected a refusal, got the briefing "${result.briefing.title}"`)
  return result.problem
}

/** A small briefing whose pointer lines are given. */
export function withPointers(...pointers: string[]): string {
  return ['Title', '', 'Article.', 'Prayer Pointers', ...pointers].join('\n')
}
