/**
 * The person's own requests are pointers too. Their records all carry this briefing id, whatever
 * list the request sits in, so a request keeps one thread, filter and place in the journal when
 * it moves between lists.
 */
export const MY_PRAYERS_ID = 'my-prayers'

/** Request ids are `req-<uuid>`; briefing pointer ids are `<briefingId>-p<n>` (ids.ts). */
export const isRequestId = (pointerId: string) => /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(pointerId)

export const newRequestId = () => `req-${crypto.randomUUID()}`
export const newListId = () => `list-${crypto.randomUUID()}`
