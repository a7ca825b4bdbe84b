import * as v from 'valibot'

/**
 * A Briefing as JSON, checked at the border: the feed's documents and backup files both carry
 * briefings, and both are validated against this one schema before anything stores them.
 */
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))
const text = v.pipe(v.string(), v.trim(), v.nonEmpty())
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/), v.maxLength(200))

const pointers = v.pipe(v.array(v.object({
  id,
  label: v.nullable(v.string()),
  text: v.string(),
  scripture: v.nullable(v.object({ quote: v.string(), reference: v.string() })),
})), v.minLength(1))
const prayer = v.nullable(v.object({ title: v.string(), text: v.string() }))

export const BriefingSchema = v.object({
  id,
  title: text,
  date: v.nullable(isoDate),
  paragraphs: v.array(v.string()),
  pointers,
  prayer,
})

/** The pieces the feed's own schemas reuse. */
export const briefingFields = { isoDate, text, id, pointers, prayer }
