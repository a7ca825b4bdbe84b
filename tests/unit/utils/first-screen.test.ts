import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { drawSavedScreen, FIRST_SCREEN_KEY, followTapsWith, forgetFirstScreen, keepFirstScreen, showingSavedScreen, showLiveScreen } from '~/utils/first-screen'

const ENTRY = '/assets/index-abc123.js'

/** A page as built: the entry script in <head>, an #app holding what the app rendered. */
function page(appMarkup: string, entry = ENTRY) {
  document.head.innerHTML = `<script type="module" src="${entry}"></script>`
  document.body.innerHTML = `<div id="app" data-v-app="">${appMarkup}</div>`
}

function app() {
  return document.getElementById('app')!
}

/** The next start: a fresh page with an empty #app, at `path`. */
function nextStart(path = '/', entry = ENTRY) {
  page('', entry)
  window.history.replaceState(null, '', path)
}

const list = `
  <header class="app-header"><nav aria-label="Main"><a href="/" class="router-link-active" aria-current="page">Briefings</a><a href="/journal">Journal</a></nav></header>
  <main id="main" tabindex="-1"><div class="page"><h1>Briefings</h1>
    <ul class="plain-list"><li data-briefing-item class="row"><a href="/briefings/b1">Pray for Sudan</a> <span class="muted">3 entries</span></li></ul>
  </div></main>`

describe('the saved first screen', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.className = ''
  })
  afterEach(() => {
    vi.restoreAllMocks()
    window.history.replaceState(null, '', '/')
  })

  it('draws the list as it was kept, above an empty #app, before the app runs', () => {
    page(list)
    keepFirstScreen(app())

    nextStart()
    expect(drawSavedScreen()).toBe(true)
    const screen = document.getElementById('first-screen')!
    expect(screen.nextElementSibling).toBe(app())
    expect(app().childNodes).toHaveLength(0)
    expect(screen.querySelector('[data-briefing-item] a')?.textContent).toBe('Pray for Sudan')
    expect(screen.querySelector('a[href="/briefings/b1"]')).not.toBeNull()
    expect(screen.querySelector('nav')?.getAttribute('aria-label')).toBe('Main')
    // Not something to focus, type in or read out: the live app is the one to use.
    expect(screen.getAttribute('aria-hidden')).toBe('true')
    expect([...screen.querySelectorAll('a')].every(link => link.getAttribute('tabindex') === '-1')).toBe(true)
    expect(document.documentElement.classList.contains('first-screen')).toBe(true)
    expect(showingSavedScreen()).toBe(true)
  })

  it('keeps no ids (the live page holds them), focus order, inline styles, handlers, or links that leave the app', () => {
    page(`<main id="main" tabindex="-1" style="color: red" onclick="steal()">
      <a href="javascript:steal()">a</a><a href="https://evil.example/">b</a><a href="//evil.example/">c</a><a href="/journal">d</a>
      <img src="/x.png" srcset="/y.png 2x" alt=""><svg viewBox="0 0 2 2" xlink:href="#x"><path d="M0 0h2"></path></svg>
      <script>steal()</script></main>`)
    keepFirstScreen(app())
    nextStart()
    drawSavedScreen()
    const screen = document.getElementById('first-screen')!
    expect(screen.querySelector('[id], [style], [onclick], [src], [srcset], script')).toBeNull()
    // The only tabindex is the one that keeps the picture's links out of the focus order.
    expect(screen.querySelector('main')?.hasAttribute('tabindex')).toBe(false)
    expect(screen.querySelector('[tabindex]:not([tabindex="-1"])')).toBeNull()
    expect([...screen.querySelectorAll('a')].map(a => a.getAttribute('href'))).toEqual([null, null, null, '/journal'])
    const svg = screen.querySelector('svg')!
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(svg.getAttribute('viewBox')).toBe('0 0 2 2')
    expect(svg.querySelector('path')?.namespaceURI).toBe('http://www.w3.org/2000/svg')
  })

  it('draws saved words as text: markup in a title is never parsed', () => {
    const title = '<img src=x onerror="steal()">Pray'
    page('<p class="title"></p>')
    app().querySelector('p')!.textContent = title
    keepFirstScreen(app())
    nextStart()
    drawSavedScreen()
    const shown = document.querySelector('#first-screen p')!
    expect(shown.textContent).toBe(title)
    expect(shown.querySelector('img')).toBeNull()
  })

  it('refuses a save that someone wrote by hand with what the app never keeps, and starts as without one', () => {
    nextStart()
    for (const tree of [
      ['div', {}, [['script', {}, ['steal()']]]],
      ['div', {}, [['img src=x onerror=steal()', {}, []]]],
      ['div', {}, [42]],
    ]) {
      localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify({ version: 1, build: ENTRY, tree }))
      expect(drawSavedScreen()).toBe(false)
      expect(document.getElementById('first-screen')).toBeNull()
    }
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify({ version: 1, build: ENTRY, tree: ['div', { onclick: 'steal()', style: 'x', href: 'javascript:x' }, [['a', { href: 'javascript:steal()', class: 'ok' }, ['a']]]] }))
    expect(drawSavedScreen()).toBe(true)
    const link = document.querySelector('#first-screen a')!
    expect(link.getAttribute('class')).toBe('ok')
    expect(link.hasAttribute('href')).toBe(false)
  })

  it('draws nothing for another build, another page, a search, or a damaged save', () => {
    page(list)
    keepFirstScreen(app())
    const saved = localStorage.getItem(FIRST_SCREEN_KEY)!

    nextStart('/', '/assets/index-new456.js')
    expect(drawSavedScreen()).toBe(false)
    nextStart('/journal')
    expect(drawSavedScreen()).toBe(false)
    nextStart('/?q=sudan')
    expect(drawSavedScreen()).toBe(false)
    nextStart()
    localStorage.setItem(FIRST_SCREEN_KEY, saved.slice(0, 40))
    expect(drawSavedScreen()).toBe(false)
    expect(document.getElementById('first-screen')).toBeNull()
    expect(document.documentElement.classList.contains('first-screen')).toBe(false)
  })

  it('leaves out what comes and goes by itself, keeping the empty place of what the layout needs', () => {
    page(`<div class="status-area" data-first-screen="empty"><p>Ready to work offline</p></div>
      <p class="card" data-first-screen="skip">On this day: 3 things</p><h1>Briefings</h1>`)
    keepFirstScreen(app())
    nextStart()
    drawSavedScreen()
    const screen = document.getElementById('first-screen')!
    expect(screen.querySelector('.status-area')?.childNodes).toHaveLength(0)
    expect(screen.querySelector('.card')).toBeNull()
    expect(screen.textContent).not.toContain('On this day')
    expect(screen.querySelector('h1')?.textContent).toBe('Briefings')
  })

  it('keeps nothing from a page too large to be a first screen, and drops the last one', () => {
    page(list)
    keepFirstScreen(app())
    page(`<ul>${'<li>row</li>'.repeat(2000)}</ul>`)
    keepFirstScreen(app())
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull()
  })

  it('goes on without a saved screen when storage refuses it', () => {
    page(list)
    keepFirstScreen(app())
    // Storage turned off for the site: even reading window.localStorage throws.
    const refused = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => { throw new DOMException('denied', 'SecurityError') })
    try {
      expect(() => keepFirstScreen(app())).not.toThrow()
      nextStart()
      expect(drawSavedScreen()).toBe(false)
      expect(() => forgetFirstScreen()).not.toThrow()
    }
    finally {
      refused.mockRestore()
    }
  })

  it('gives way to the live app in one step, and says when for the benchmark', () => {
    page(list)
    keepFirstScreen(app())
    nextStart()
    drawSavedScreen()
    showLiveScreen()
    expect(document.getElementById('first-screen')).toBeNull()
    expect(document.documentElement.classList.contains('first-screen')).toBe(false)
    expect(performance.getEntriesByName('selah:live-screen', 'mark')).toHaveLength(1)
    showLiveScreen()
    expect(performance.getEntriesByName('selah:live-screen', 'mark')).toHaveLength(1)
  })

  it('takes no words, and remembers a tap on a link for the live app to follow once it is there', () => {
    page(`${list}<form role="search"><input type="search" aria-label="Find a briefing"><button>Find</button></form>`)
    keepFirstScreen(app())
    nextStart()
    drawSavedScreen()
    const screen = document.getElementById('first-screen')!
    expect(screen.querySelector('input')?.disabled).toBe(true)
    expect(screen.querySelector('button')?.disabled).toBe(true)
    const followed: string[] = []
    followTapsWith(href => followed.push(href))

    const tapOn = (element: Element) => element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(tapOn(screen.querySelector('h1')!)).toBe(false)
    expect(tapOn(screen.querySelector('a[href="/briefings/b1"]')!)).toBe(false)
    expect(followed).toEqual([])
    showLiveScreen()
    expect(followed).toEqual(['/briefings/b1'])

    // Only the tap of this start, once.
    nextStart()
    drawSavedScreen()
    tapOn(document.querySelector('#first-screen h1')!)
    showLiveScreen()
    expect(followed).toEqual(['/briefings/b1'])
  })

  it('is forgotten on request (after a restore)', () => {
    page(list)
    keepFirstScreen(app())
    forgetFirstScreen()
    nextStart()
    expect(drawSavedScreen()).toBe(false)
  })
})

describe('a page that is no first screen', () => {
  it('keeps the last first screen when the list has become a virtual one', () => {
    localStorage.clear()
    page(list)
    keepFirstScreen(app())
    const kept = localStorage.getItem(FIRST_SCREEN_KEY)
    page('<ul class="virtual-list" data-first-screen="never" style="height: 90000px"><li style="transform: translateY(400px)">row</li></ul>')
    keepFirstScreen(app())
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBe(kept)
  })
})
