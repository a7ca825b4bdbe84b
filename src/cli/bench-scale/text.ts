/**
 * The benchmark's words: a deterministic journal of realistic length and varied vocabulary.
 * createCorpus is self-contained (no imports, nothing from module scope) because the page runs
 * the very same source to generate 100,000 entries where they are stored, instead of receiving
 * them as JSON from Node; Node runs it too, for the briefing plan and for the unit test.
 */
export type Corpus = ReturnType<typeof createCorpus>

export interface CorpusPointer {
  label: string | null
  text: string
  scripture: { quote: string, reference: string } | null
}

export function createCorpus(seed: number) {
  /** The word planted in one entry of every hundred, and nowhere else: the search measures it. */
  const PLANTED = 'zarephath'
  const WORDS = ('family hospital church pastor village city border winter harvest water bread school children mother father '
    + 'soldiers refugees neighbours doctors nurses teachers leaders government peace war hope fear grief joy healing strength '
    + 'courage wisdom patience mercy grace faith trust protection provision shelter medicine food fuel roads bridges rain '
    + 'drought flood storm night morning evening week month journey road train bus prison court judge mayor council '
    + 'volunteers translators churches congregation youth elders widows orphans students workers farmers miners fishermen '
    + 'prayed asked thanked remembered carried waited listened wrote visited called heard saw returned rebuilt opened '
    + 'closed lost found gave shared served comforted encouraged forgave welcomed protected provided healed restored '
    + 'quiet tired grateful anxious steady gentle faithful brave weary thankful hopeful broken whole small long short '
    + 'again still today tomorrow yesterday slowly gently finally almost always never often together alone home '
    + 'letter message phone visit meeting service worship song psalm scripture promise answer question silence '
    + 'light darkness fire snow heat dust sea river mountain valley field garden kitchen table door window '
    + 'apartment basement shelter checkpoint convoy evacuation ceasefire negotiations election protest curfew blackout '
    + 'generator electricity heating blankets clothes shoes backpacks vaccines antibiotics surgery clinic ambulance '
    + 'ministry mission outreach camp tent container warehouse supplies donations parcels trucks drivers pilots '
    + 'husband wife son daughter grandmother grandfather cousin friend colleague stranger guest host neighbour '
    + 'baby twins teenager soldier chaplain bishop priest deacon evangelist missionary interpreter engineer '
    + 'anger bitterness loneliness exhaustion sorrow lament thanksgiving praise repentance reconciliation justice '
    + 'freedom persecution arrest release trial sentence appeal lawyer embassy visa passport permit asylum '
    + 'crossing harbour airport station market bakery pharmacy library classroom playground stadium cemetery '
    + 'funeral wedding baptism birthday anniversary holiday christmas easter sabbath fasting vigil retreat '
    + 'bombing shelling missiles drones sirens explosions ruins rubble craters trenches frontline occupied liberated '
    + 'harvested planted irrigated flooded burned buried rescued evacuated displaced detained released reunited '
    + 'exhausted frightened determined generous humble patient joyful peaceful restless sleepless hungry thirsty '
    + 'carefully quietly urgently honestly faithfully bravely tenderly patiently eventually suddenly recently '
    + 'bible hymn candle cross prayerbook journal notebook photograph letterbox envelope stamp radio telegram '
    + 'north south east west coast island desert forest province region district parish diocese kingdom nation').split(' ')
  const PLACES = ['Kyïv', 'Kharkiv', 'Lviv', 'Odesa', 'Khartoum', 'Juba', 'Aleppo', 'Gaza', 'Kabul', 'Lagos', 'Jos', 'Maiduguri',
    'Yangon', 'Mosul', 'Erbil', 'Bogotá', 'São Paulo', 'Port-au-Prince', 'Tigray', 'Goma', 'Beni', 'Sana’a', 'Tehran', 'Minsk']
  const NAMES = ['Anna', 'Olena', 'Dmytro', 'Ahmed', 'Miriam', 'Samuel', 'Grace', 'Joseph', 'Zoë', 'José', 'Amara', 'Yusuf',
    'Tatiana', 'Pavel', 'Ruth', 'Daniel', 'Esther', 'Thabo', 'Ngozi', 'Lin', 'Mei', 'Hannah', 'Peter', 'Marta']
  const OPENERS = ['Lord,', 'Father,', 'Today', 'Tonight', 'Thank you for', 'Please remember', 'I prayed for', 'We heard that',
    'Still praying for', 'News from', 'Asking again for', 'Grateful for', 'Remembering', 'Help us with']
  const LABELS = ['Pray', 'Give thanks', 'Ask', 'Pray for', 'Intercede', null, null]
  const BOOKS = ['Psalm', 'Isaiah', 'Matthew', 'John', 'Romans', 'Philippians', 'Lamentations', 'Micah', '2 Corinthians', 'James']

  /** A 32-bit hash of the seed, a record kind and an index: each record gets its own generator. */
  function mix(kind: number, index: number): number {
    let hash = (seed ^ 0x9e3779b9) >>> 0
    for (const value of [kind, index]) {
      hash = Math.imul(hash ^ value, 0x85ebca6b)
      hash ^= hash >>> 13
      hash = Math.imul(hash, 0xc2b2ae35)
      hash ^= hash >>> 16
    }
    return hash >>> 0
  }

  /** mulberry32: small, fast and good enough for picking words. */
  function random(kind: number, index: number): () => number {
    let state = mix(kind, index)
    return () => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }

  const between = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1))
  const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  // Common words far more often than rare ones, roughly as people write.
  const word = (rand: () => number) => WORDS[Math.floor(rand() ** 1.7 * WORDS.length)]!

  function sentence(rand: () => number, planted = false): string {
    const words: string[] = []
    if (rand() < 0.5) words.push(pick(rand, OPENERS))
    const count = between(rand, 5, 16)
    for (let i = 0; i < count; i++) {
      const roll = rand()
      words.push(roll < 0.05 ? pick(rand, PLACES) : roll < 0.09 ? pick(rand, NAMES) : word(rand))
    }
    if (planted) words.splice(between(rand, 1, words.length), 0, PLANTED)
    const text = words.join(' ')
    const end = rand()
    return text[0]!.toUpperCase() + text.slice(1) + (end < 0.85 ? '.' : end < 0.95 ? '!' : '?')
  }

  function sentences(rand: () => number, count: number, plantedAt = -1): string {
    return Array.from({ length: count }, (_, i) => sentence(rand, i === plantedAt)).join(' ')
  }

  function isPlanted(index: number): boolean {
    return index % 100 === 42
  }

  /** The text of entry `index`: one to eight sentences. */
  function entryText(index: number): string {
    const rand = random(1, index)
    const count = between(rand, 1, 8)
    return sentences(rand, count, isPlanted(index) ? between(rand, 0, count - 1) : -1)
  }

  function briefingTitle(index: number): string {
    const rand = random(2, index)
    const headline = Array.from({ length: between(rand, 3, 6) }, () => word(rand)).join(' ')
    return `${pick(rand, PLACES)}: ${headline[0]!.toUpperCase()}${headline.slice(1)}`
  }

  function briefingParagraphs(index: number): string[] {
    const rand = random(3, index)
    return Array.from({ length: between(rand, 3, 6) }, () => sentences(rand, between(rand, 2, 5)))
  }

  /** Three to eight pointers per briefing. */
  function pointerCount(index: number): number {
    return between(random(4, index), 3, 8)
  }

  function pointer(briefing: number, n: number): CorpusPointer {
    const rand = random(5, briefing * 16 + n)
    const label = pick(rand, LABELS)
    const text = sentences(rand, between(rand, 1, 2))
    const scripture = rand() < 0.6
      ? { quote: sentence(rand), reference: `${pick(rand, BOOKS)} ${between(rand, 1, 40)}:${between(rand, 1, 30)}` }
      : null
    return { label, text, scripture }
  }

  function prayer(index: number): { title: string, text: string } | null {
    const rand = random(6, index)
    return rand() < 0.5 ? { title: 'A prayer', text: sentences(rand, between(rand, 2, 4)) } : null
  }

  function answerNote(index: number): string {
    const rand = random(7, index)
    return sentences(rand, between(rand, 1, 3))
  }

  /** The person's own lists, as people name them; past six, numbered (names are unique, as the app asks). */
  function listName(index: number): string {
    return ['Family', 'Church', 'Friends', 'Neighbours', 'Work', 'The world'][index] ?? `List ${index + 1}`
  }

  /** One of the person's own requests: a short sentence, notes on one in two, scripture on one in three. */
  function request(index: number): { text: string, notes: string, scripture: { quote: string, reference: string } | null } {
    const rand = random(8, index)
    const text = sentence(rand)
    const notes = rand() < 0.5 ? sentences(rand, between(rand, 1, 3)) : ''
    const scripture = rand() < 0.33 ? { quote: sentence(rand), reference: `${pick(rand, BOOKS)} ${between(rand, 1, 40)}:${between(rand, 1, 30)}` } : null
    return { text, notes, scripture }
  }

  /** A UUID-shaped id, the same on every run: `kind` keeps entries and prayed taps apart. */
  function uuid(kind: number, index: number): string {
    const rand = random(100 + kind, index)
    const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
  }

  return { PLANTED, random, isPlanted, entryText, briefingTitle, briefingParagraphs, pointerCount, pointer, prayer, answerNote, listName, request, uuid }
}
