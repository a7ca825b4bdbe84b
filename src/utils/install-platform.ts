/**
 * How this browser installs a web app, for the words Settings gives where no install offer
 * (`beforeinstallprompt`) comes: Safari never makes one, and on iPhone and iPad it is the only way.
 */
export type InstallPlatform = 'installed' | 'ios' | 'mac-safari' | 'android-firefox' | 'other'

export interface BrowserTraits {
  userAgent: string
  /** iPadOS 13+ says "Macintosh"; only its touch screen tells it from a Mac. */
  maxTouchPoints: number
  /** Opened from the home screen (display-mode standalone, or iOS's navigator.standalone). */
  standalone: boolean
}

export function installPlatform({ userAgent, maxTouchPoints, standalone }: BrowserTraits): InstallPlatform {
  if (standalone) return 'installed'
  const apple = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)
  // Every browser on iOS is WebKit; Safari's Share sheet is where Add to Home Screen lives (Chrome and Edge on iOS 16.4+ share it too).
  if (apple) return 'ios'
  const safari = /Safari\//.test(userAgent) && !/Chrome|Chromium|CriOS|Edg|OPR|Firefox|FxiOS/.test(userAgent)
  if (/Macintosh/.test(userAgent) && safari) return 'mac-safari'
  if (/Android/.test(userAgent) && /Firefox/.test(userAgent)) return 'android-firefox'
  return 'other'
}

/** The traits of the browser Selah runs in. */
export function currentBrowser(): BrowserTraits {
  const standalone = window.matchMedia?.('(display-mode: standalone)').matches
    || (navigator as Navigator & { standalone?: boolean }).standalone === true
  return { userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints ?? 0, standalone }
}
