/**
 * How Selah looks on this device: the theme (the device's own, light or dark) and the text size.
 *
 * This one preference lives in localStorage, not IndexedDB with the other settings: the entry
 * (main.ts) must read it synchronously and set it on <html> before the first paint, the saved first
 * screen included, so that nothing flashes light or jumps to a new size once the database opens.
 * It is not journal data either, so it belongs to the device and is not in backups.
 * CSS does the rest from the attributes (src/styles/main.css): `data-theme` only when a theme is
 * chosen, `data-text-size` always.
 */

export const APPEARANCE_KEY = 'selah:appearance'

export const THEMES = ['system', 'light', 'dark'] as const
export const TEXT_SIZES = ['standard', 'large', 'larger'] as const
export type Theme = typeof THEMES[number]
export type TextSize = typeof TEXT_SIZES[number]

export interface Appearance {
  theme: Theme
  textSize: TextSize
}

export const DEVICE_APPEARANCE: Readonly<Appearance> = Object.freeze({ theme: 'system', textSize: 'standard' })

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.includes(value as T) ? value as T : fallback
}

/** The saved choice; anything missing, damaged or refused by storage is the device's own. */
export function readAppearance(): Appearance {
  try {
    const saved = JSON.parse(localStorage.getItem(APPEARANCE_KEY) ?? 'null') as Partial<Appearance> | null
    return {
      theme: oneOf(THEMES, saved?.theme, DEVICE_APPEARANCE.theme),
      textSize: oneOf(TEXT_SIZES, saved?.textSize, DEVICE_APPEARANCE.textSize),
    }
  }
  catch {
    return { ...DEVICE_APPEARANCE }
  }
}

/** Sets the choice on <html> (attributes, never inline styles: the CSP refuses those). */
export function applyAppearance({ theme, textSize }: Appearance, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', theme)
  root.setAttribute('data-text-size', textSize)
  applyThemeColor(theme)
}

/**
 * The browser's own bar follows a chosen theme too: index.html has one theme-color per scheme,
 * chosen by media query; a chosen theme makes its own match always and the other never.
 */
function applyThemeColor(theme: Theme): void {
  for (const meta of document.querySelectorAll('meta[name="theme-color"]')) {
    const scheme = meta.getAttribute('data-scheme') ?? (meta.getAttribute('media')?.includes('dark') ? 'dark' : 'light')
    meta.setAttribute('data-scheme', scheme)
    meta.setAttribute('media', theme === 'system' ? `(prefers-color-scheme: ${scheme})` : theme === scheme ? 'all' : 'not all')
  }
}

/**
 * Applies the choice at once and keeps it for the next start. False when storage refused it
 * (private browsing, a full disk): it still holds on this page.
 */
export function saveAppearance(appearance: Appearance): boolean {
  applyAppearance(appearance)
  try {
    localStorage.setItem(APPEARANCE_KEY, JSON.stringify({ theme: appearance.theme, textSize: appearance.textSize }))
    return true
  }
  catch {
    return false
  }
}

/** At start, before anything paints: the saved choice on <html>. */
export function applySavedAppearance(): void {
  applyAppearance(readAppearance())
}
