import { computed, getCurrentScope, onScopeDispose, shallowRef, type ComputedRef } from 'vue'
import { takeEarlyInstallOffer, type BeforeInstallPromptEvent } from '~/utils/install-offer'

// One offer for the whole app: the header's button and Settings' install section show the same one,
// and once either uses it (an offer can be shown only once) both let it go.
const offer = shallowRef<BeforeInstallPromptEvent | null>(null)
let users = 0

function keep(event: BeforeInstallPromptEvent) {
  // Without preventDefault Chromium shows its own mini-infobar; the app offers its own button instead.
  event.preventDefault()
  offer.value = event
}
function forget() {
  offer.value = null
}

/**
 * Keeps the browser's install offer so a button can show it later. `canInstall` is true only while
 * the browser offers installation; it clears once the app is installed or the offer was used.
 */
export function useInstallPrompt(): {
  canInstall: ComputedRef<boolean>
  install: () => Promise<'accepted' | 'dismissed' | 'unavailable'>
} {
  if (users++ === 0) {
    // An offer the browser made before the app's code had loaded (main.ts caught it).
    offer.value = takeEarlyInstallOffer() ?? offer.value
    window.addEventListener('beforeinstallprompt', keep)
    window.addEventListener('appinstalled', forget)
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      if (--users > 0) return
      window.removeEventListener('beforeinstallprompt', keep)
      window.removeEventListener('appinstalled', forget)
    })
  }

  async function install() {
    const event = offer.value
    if (!event) return 'unavailable'
    offer.value = null
    await event.prompt()
    const choice = await event.userChoice
    return choice.outcome
  }

  return { canInstall: computed(() => offer.value !== null), install }
}
