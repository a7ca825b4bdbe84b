/** Chromium's install offer; not in TypeScript's DOM library because it is not a standard yet. */
export interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed', platform: string }>
}

declare global {
  interface WindowEventMap {
    beforeinstallprompt: BeforeInstallPromptEvent
    appinstalled: Event
  }
}

let early: BeforeInstallPromptEvent | null = null

function keep(event: BeforeInstallPromptEvent) {
  // Without preventDefault Chromium shows its own mini-infobar; the app offers its own button instead.
  event.preventDefault()
  early = event
}

function forget() {
  early = null
}

/**
 * From the entry (main.ts), before the app's code loads: the browser may make its install offer
 * while the kept first screen is showing and the app is not there yet to hear it. It is kept for
 * useInstallPrompt(), which takes it over with takeEarlyInstallOffer().
 */
export function catchEarlyInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', keep)
  window.addEventListener('appinstalled', forget)
}

/** The offer made before the app was listening, if any; from now on the app listens itself. */
export function takeEarlyInstallOffer(): BeforeInstallPromptEvent | null {
  window.removeEventListener('beforeinstallprompt', keep)
  window.removeEventListener('appinstalled', forget)
  const offer = early
  early = null
  return offer
}
