/**
 * The floor each view is compared with: the same question asked of raw IndexedDB in the same page,
 * on its own connection, with the indexes schema v4 declares. Self-contained: sent as source.
 * Only the query is timed, not opening the connection.
 */
export type RawQuery =
  | { name: 'briefings', limit: number }
  | { name: 'timeline' }
  | { name: 'wholeTimeline' }
  | { name: 'kind', store: 'entries' | 'prayed' | 'answers' }
  | { name: 'answeredList', limit: number }
  | { name: 'range', from: string, to: string }
  | { name: 'status', answered: boolean }
  | { name: 'briefing', briefingId: string }
  | { name: 'pointer', pointerId: string, briefingId: string }
  | { name: 'search', prefix: string }
  | { name: 'onThisDay', years: number }
  | { name: 'today' }
  | { name: 'myPrayers' }
  | { name: 'addEntry', entry: Record<string, unknown> }
  | { name: 'everything' }

export async function rawQuery(query: RawQuery): Promise<{ ms: number, rows: number }> {
  const PAGE = 50
  const TIME: Record<string, string> = { entries: 'createdAt', prayed: 'prayedAt', answers: 'answeredAt' }
  const STORES = ['entries', 'prayed', 'answers']
  /** (v4) The person's own lists and requests. */
  const OWN = ['prayerLists', 'requests']
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('selah')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const done = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  /** Up to `limit` values from a cursor, newest first, that pass `keep`. */
  const newest = (source: IDBIndex | IDBObjectStore, range: IDBKeyRange | null, limit = PAGE, keep?: (value: { pointerId: string }) => boolean) =>
    new Promise<unknown[]>((resolve, reject) => {
      const rows: unknown[] = []
      const request = source.openCursor(range, 'prev')
      request.onerror = () => reject(request.error)
      request.onsuccess = () => {
        const cursor = request.result
        if (!cursor || rows.length >= limit) return resolve(rows)
        if (!keep || keep(cursor.value)) rows.push(cursor.value)
        cursor.continue()
      }
    })
  const within = (id: string) => IDBKeyRange.bound([id, ''], [id, '\uffff'])
  const localDay = (yearsAgo: number) => {
    const day = new Date()
    day.setFullYear(day.getFullYear() - yearsAgo)
    day.setHours(0, 0, 0, 0)
    const next = new Date(day)
    next.setDate(next.getDate() + 1)
    return IDBKeyRange.bound(day.toISOString(), next.toISOString(), false, true)
  }

  async function ask(tx: IDBTransaction): Promise<unknown[][]> {
    const store = (name: string) => tx.objectStore(name)
    const byTime = (name: string) => store(name).index(TIME[name]!)
    switch (query.name) {
      case 'briefings': {
        // The list's first page, with how much was written, answered and prayed for each briefing.
        const briefings = await newest(store('briefings').index('[sortDate+addedAt]'), null, query.limit) as { id: string }[]
        const counts = await Promise.all(briefings.flatMap(({ id }) => ['entries', 'answers', 'prayed'].map(name => done(store(name).index('briefingId').count(id)))))
        return [briefings, counts]
      }
      case 'timeline': return Promise.all(STORES.map(name => newest(byTime(name), null)))
      case 'wholeTimeline': return Promise.all(STORES.map(name => done(byTime(name).getAll())))
      case 'kind': return [await newest(byTime(query.store), null)]
      case 'answeredList': {
        // The Answered view's page: the newest notes, each with the first entry and prayer for its pointer.
        const notes = await newest(byTime('answers'), null, query.limit) as { pointerId: string }[]
        const first = (name: string, index: string, pointerId: string) => done(store(name).index(index).openKeyCursor(IDBKeyRange.bound([pointerId, ''], [pointerId, '\uffff']))).then(cursor => cursor?.key)
        const firsts = await Promise.all(notes.flatMap(note => [first('entries', '[pointerId+createdAt]', note.pointerId), first('prayed', '[pointerId+prayedAt]', note.pointerId)]))
        return [notes, firsts]
      }
      case 'range': {
        const range = IDBKeyRange.bound(query.from, `${query.to}\uffff`)
        return Promise.all(STORES.map(name => newest(byTime(name), range)))
      }
      case 'status': {
        const answered = new Set(await done(store('answers').getAllKeys()))
        const keep = (value: { pointerId: string }) => answered.has(value.pointerId) === query.answered
        return Promise.all(['entries', 'prayed'].map(name => newest(byTime(name), null, PAGE, keep)))
      }
      case 'briefing': return Promise.all([
        newest(store('entries').index('[briefingId+createdAt]'), within(query.briefingId)),
        newest(store('prayed').index('[briefingId+prayedAt]'), within(query.briefingId)),
        done(store('answers').index('briefingId').getAll(query.briefingId)),
      ])
      case 'pointer': return Promise.all([
        done(store('entries').index('[pointerId+createdAt]').getAll(within(query.pointerId))),
        done(store('prayed').index('[pointerId+prayedAt]').getAll(within(query.pointerId))),
        done(store('answers').getAll(query.pointerId)),
        done(store('briefings').getAll(query.briefingId)),
      ])
      case 'search': {
        // The app's own index (src/db/search-index.ts): each word's record hashes and times, then
        // the newest page's buckets (hash >>> 20) for their keys, then those records.
        const terms = await done(store('searchTerms').getAll(IDBKeyRange.bound(query.prefix, `${query.prefix}\uffff`))) as { docs: Uint32Array, times: Uint32Array }[]
        const found = new Map<number, number>()
        for (const term of terms) term.docs.forEach((hash, i) => found.set(hash, term.times[i]!))
        const newest = [...found].sort((a, b) => b[1] - a[1]).slice(0, PAGE)
        const buckets = await Promise.all([...new Set(newest.map(([hash]) => hash >>> 20))].map(bucket => done(store('searchDocs').get(bucket))))
        const keys = new Map<number, string>()
        for (const bucket of buckets as ({ hashes: number[], keys: string[] } | undefined)[]) bucket?.hashes.forEach((hash, i) => keys.set(hash, bucket.keys[i]!))
        const TABLE: Record<string, string> = { written: 'entries', prayed: 'prayed', answered: 'answers' }
        return [(await Promise.all(newest.map(([hash]) => {
          const key = keys.get(hash) ?? ''
          const colon = key.indexOf(':')
          return colon < 0 ? undefined : done(store(TABLE[key.slice(0, colon)]!).get(key.slice(colon + 1)))
        }))).filter(Boolean)]
      }
      case 'onThisDay': {
        const reads = []
        for (let year = 1; year <= query.years; year++) {
          const range = localDay(year)
          for (const name of STORES) reads.push(done(byTime(name).getAll(range)))
        }
        return Promise.all(reads)
      }
      case 'today': {
        // The newest briefing and, for each of its pointers, whether it was prayed for before today
        // (one key at most), today's prayers, and the person's lists and requests (no index holds
        // the active ones alone: archivedAt is null).
        const day = new Date()
        const from = new Date(day.getFullYear(), day.getMonth(), day.getDate()).toISOString()
        const to = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).toISOString()
        const [briefing, ...rest] = await Promise.all([
          newest(store('briefings').index('[sortDate+addedAt]'), null, 1) as Promise<{ id: string, pointers: { id: string }[] }[]>,
          done(byTime('prayed').getAll(IDBKeyRange.bound(from, to, false, true))),
          done(store('prayerLists').index('order').getAll()),
          done(store('requests').index('[listId+order]').getAll()),
          done(store('settings').get('todayPerList')).then(row => (row ? [row] : [])),
        ])
        const pointers = briefing[0]?.pointers ?? []
        const before = await Promise.all(pointers.map(({ id }) => done(store('prayed').index('[pointerId+prayedAt]').getKey(IDBKeyRange.bound([id, ''], [id, from], false, true)))))
        return [briefing, before, ...rest]
      }
      case 'myPrayers': {
        // The first page of cards (10), as the app draws it: the lists, the active requests (every
        // key less the archived index's, whose count is the archived count), each card's prayers
        // counted and the last one, its newest three entries, its answer (the archived ones' list
        // is read once every active card is drawn).
        const archivedIndex = store('requests').index('archivedAt')
        const [lists, keys, archivedKeys] = await Promise.all([
          done(store('prayerLists').index('order').getAll()) as Promise<{ id: string }[]>,
          done(store('requests').getAllKeys()),
          done(archivedIndex.getAllKeys()),
        ])
        const put = new Set(archivedKeys)
        const active = await Promise.all(keys.filter(key => !put.has(key)).map(key => done(store('requests').get(key)))) as { id: string, listId: string, order: number }[]
        const position = new Map(lists.map((list, index) => [list.id, index]))
        active.sort((a, b) => position.get(a.listId)! - position.get(b.listId)! || a.order - b.order)
        const cards = await Promise.all(active.slice(0, 10).map(({ id }) => Promise.all([
          done(store('prayed').index('[pointerId+prayedAt]').count(within(id))),
          newest(store('prayed').index('[pointerId+prayedAt]'), within(id), 1),
          newest(store('entries').index('[pointerId+createdAt]'), within(id), 3),
          done(store('answers').get(id)),
        ])))
        return [lists, active, archivedKeys, cards]
      }
      case 'addEntry': {
        await done(store('entries').put(query.entry))
        return [[query.entry]]
      }
      case 'everything': return Promise.all(['briefings', ...STORES, ...OWN, 'drafts', 'settings'].map(name => done(store(name).getAll())))
    }
  }

  const stores = query.name === 'search'
    ? [...STORES, 'searchTerms', 'searchDocs']
    : query.name === 'today' ? ['briefings', 'prayed', ...OWN, 'settings'] : query.name === 'myPrayers' ? [...STORES, ...OWN] : ['briefings', ...STORES]
  try {
    const started = performance.now()
    const tx = db.transaction(query.name === 'everything' ? [...stores, ...OWN, 'drafts', 'settings'] : stores, query.name === 'addEntry' ? 'readwrite' : 'readonly')
    const results = await ask(tx)
    if (query.name === 'addEntry') {
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
    }
    const ms = performance.now() - started
    if (query.name === 'addEntry') await done(db.transaction('entries', 'readwrite').objectStore('entries').delete(query.entry.id as string))
    return { ms, rows: results.reduce((sum, rows) => sum + rows.length, 0) }
  }
  finally {
    db.close()
  }
}
