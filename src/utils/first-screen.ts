/**
 * The saved first screen. Opening Selah costs a new page its code (about 150 ms to evaluate and
 * mount) and the database (about 150 ms more to open in a new window) before Today
 * can draw. So each time Today draws, the page's markup is kept in localStorage as plain
 * data (tags, attributes, text: no HTML string), and the next start at `/` draws it again from the
 * small entry module (main.ts), before the rest of the app's code runs. The live app renders unseen
 * underneath until its own read is ready, then takes the saved screen's place: the same markup
 * under the same styles, so nothing moves. The saved screen takes no focus and no words, is hidden
 * from screen readers, and remembers a tap on a link for the live app to follow.
 *
 * What is kept is what Today shows (the day's pointers and the person's own requests for the day,
 * never journal entries or notes), on this device only, in the same origin's storage as the journal
 * itself; forgetFirstScreen() drops it after a restore. Kept on one day and drawn on the next, it
 * shows yesterday's list for the moment until the live one replaces it.
 */

/** Where the screen is kept in localStorage, read synchronously at start (as is the appearance, src/utils/appearance.ts). */
export const FIRST_SCREEN_KEY = 'selah:first-screen'
/** Markup with more nodes than this is not kept: a first screen is a few hundred. */
const MAX_NODES = 3000

/** An element as [tag, attributes, children], or a text node as its text. */
export type SavedNode = string | [tag: string, attributes: Record<string, string>, children: SavedNode[]]

export interface SavedScreen {
  version: 1
  /** The app's entry script: a new build (new markup, new styles) draws its own screen first. */
  build: string
  tree: SavedNode
}

/** The entry script of this page: it changes with every build. */
function currentBuild(): string {
  return document.querySelector('script[type="module"][src]')?.getAttribute('src') ?? ''
}

/**
 * Attributes that are not kept: ids (the live page holds the same ones), inline styles and
 * handlers, anything that loads, and focus order (the saved screen takes no focus).
 */
function keeps(name: string, value: string): boolean {
  name = name.toLowerCase()
  if (name === 'id' || name === 'style' || name === 'tabindex' || name.startsWith('on')) return false
  if (name === 'src' || name === 'srcset' || name === 'action' || name === 'formaction' || name.includes(':')) return false
  if (name === 'href') return value.startsWith('/') && !value.startsWith('//')
  return true
}

const TAG = /^[a-z][a-z0-9-]*$/
const SVG = 'http://www.w3.org/2000/svg'
const LEFT_OUT = new Set(['script', 'iframe', 'object', 'embed'])

/** A saved node as elements and text nodes, under the same rule as when it was kept; throws on anything else. */
function build(node: unknown, namespace: string | null): Node {
  if (typeof node === 'string') return document.createTextNode(node)
  if (!Array.isArray(node) || typeof node[0] !== 'string' || !TAG.test(node[0]) || LEFT_OUT.has(node[0])) throw new TypeError('not a saved node')
  const [tag, attributes, children] = node as [string, unknown, unknown]
  const inside = tag === 'svg' ? SVG : namespace
  const element = inside ? document.createElementNS(inside, tag) : document.createElement(tag)
  for (const [name, value] of Object.entries(attributes ?? {})) if (typeof value === 'string' && keeps(name, value)) element.setAttribute(name, value)
  for (const child of Array.isArray(children) ? children : []) element.append(build(child, inside))
  return element
}

/** The link tapped on the kept screen, for the live app to follow once it is there. */
let tapped: string | null = null
let follow: ((href: string) => void) | null = null

/**
 * The kept screen is a picture, not the app: nothing in it takes focus or words (a search typed
 * there would be lost), and a tap on a link is remembered rather than lost, for the live app to
 * follow as soon as it takes over (followTapsWith). Hidden from screen readers throughout.
 */
function keepTaps(screen: HTMLElement): void {
  for (const element of screen.querySelectorAll('a, button, input, select, textarea')) {
    element.setAttribute('tabindex', '-1')
    if (!(element instanceof HTMLAnchorElement)) element.setAttribute('disabled', '')
  }
  screen.addEventListener('click', (event) => {
    event.preventDefault()
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (link) tapped = link.getAttribute('href')
  })
  screen.addEventListener('submit', event => event.preventDefault())
}

/** How the live app follows a tap made on the kept screen (the router's push); at once if one is waiting. */
export function followTapsWith(navigate: (href: string) => void): void {
  follow = navigate
}

/**
 * At start, before the app's code: draws the kept screen above the (still empty) #app, when the
 * page opens at `/` and the screen was kept by this same build. True when it drew one.
 */
export function drawSavedScreen(): boolean {
  try {
    const app = document.getElementById('app')
    if (location.pathname !== '/' || location.search || !app) return false
    const raw = localStorage.getItem(FIRST_SCREEN_KEY)
    const saved = raw ? JSON.parse(raw) as Partial<SavedScreen> : null
    if (saved?.version !== 1 || saved.build !== currentBuild()) return false
    // The kept node is #app itself: its children are the screen.
    const tree = build(saved.tree, null)
    const screen = document.createElement('div')
    screen.id = 'first-screen'
    screen.setAttribute('aria-hidden', 'true')
    screen.append(...tree.childNodes)
    keepTaps(screen)
    app.before(screen)
    document.documentElement.classList.add('first-screen')
    return true
  }
  catch {
    // Storage refused, or a damaged save: the app starts as it would without one.
    return false
  }
}

function save(node: Node, budget: { nodes: number }): SavedNode | null {
  if (--budget.nodes < 0) throw new RangeError('too many nodes')
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
  if (node.nodeType !== Node.ELEMENT_NODE) return null
  const element = node as Element
  const tag = element.localName
  if (LEFT_OUT.has(tag)) return null
  // What comes and goes by itself is not kept (data-first-screen="skip"), or kept as its empty
  // place (data-first-screen="empty"): a card that appears later, notices, a sync message.
  const rule = element.getAttribute('data-first-screen')
  if (rule === 'skip') return null
  const attributes: Record<string, string> = {}
  for (const { name, value } of element.attributes) if (keeps(name, value)) attributes[name] = value
  const children = rule === 'empty'
    ? []
    : [...element.childNodes].map(child => save(child, budget)).filter((child): child is SavedNode => child !== null && child !== '')
  return [tag, attributes, children]
}

/** The markup of `root` as plain data, or null when it is too large to keep. */
function captureScreen(root: Element): SavedNode | null {
  try {
    return save(root, { nodes: MAX_NODES })
  }
  catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/**
 * Keeps what `root` shows now as the next start's first screen (storage full or refused: nothing
 * kept). A page holding `data-first-screen="never"` (a virtual list, placed by inline styles that
 * are not kept) is no first screen: the last one kept stays.
 */
export function keepFirstScreen(root: Element): void {
  if (root.querySelector('[data-first-screen="never"]')) return
  const tree = captureScreen(root)
  try {
    if (!tree) return localStorage.removeItem(FIRST_SCREEN_KEY)
    const saved: SavedScreen = { version: 1, build: currentBuild(), tree }
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(saved))
  }
  catch {
    // Private browsing or a full disk: the next start simply waits for the live list.
  }
}

export function forgetFirstScreen(): void {
  try {
    localStorage.removeItem(FIRST_SCREEN_KEY)
  }
  catch {
    // No storage to forget.
  }
}

/** Whether drawSavedScreen() drew a saved screen that still covers the live app. */
export function showingSavedScreen(): boolean {
  return document.getElementById('first-screen') !== null
}

/**
 * The live app takes the saved screen's place, in one frame (marked `selah:live-screen` for the
 * benchmark), and follows the link tapped meanwhile, if any.
 */
export function showLiveScreen(): void {
  const saved = document.getElementById('first-screen')
  if (!saved) return
  saved.remove()
  document.documentElement.classList.remove('first-screen')
  performance.mark('selah:live-screen')
  if (tapped && follow) follow(tapped)
  tapped = null
}
