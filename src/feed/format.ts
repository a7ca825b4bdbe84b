import * as v from 'valibot'
import { BriefingSchema, briefingFields } from '../briefings/schema.ts'

/**
 * The static feed the build writes and the app reads (see README, "The feed"):
 *   feed/index.json              FeedIndex: one summary per briefing, newest first
 *   feed/briefings/<id>.json     FeedDocument: one whole briefing
 * Both are validated here, at the border, before anything reaches the app or the database.
 */
export const FEED_VERSION = 1

const { isoDate, text, id } = briefingFields

export const FeedIndexSchema = v.object({
  format: v.literal('selah-feed'),
  version: v.literal(FEED_VERSION),
  generatedAt: v.string(),
  briefings: v.array(v.object({
    id,
    title: text,
    date: v.nullable(isoDate),
    pointerCount: v.number(),
    hash: v.string(),
    path: v.pipe(v.string(), v.regex(/^feed\/briefings\/[a-z0-9-]+\.json$/)),
  })),
})

export const FeedDocumentSchema = v.object({
  format: v.literal('selah-briefing'),
  version: v.literal(FEED_VERSION),
  hash: v.string(),
  briefing: BriefingSchema,
})

export type FeedIndex = v.InferOutput<typeof FeedIndexSchema>
export type FeedIndexItem = FeedIndex['briefings'][number]
export type FeedDocument = v.InferOutput<typeof FeedDocumentSchema>
