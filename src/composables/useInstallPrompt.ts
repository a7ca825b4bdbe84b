import { useEventListener } from '@vueuse/core'
import { computed, shallowRef, type ComputedRef } from 'vue'
import { takeEarlyInstallOffer, type BeforeInstallPromptEvent } from '~/utils/install-offer'

/**
 * Keeps the browser's install offer so a button can show it later. `canInstall` is true only while
 * the browser offers installation; it clears once the app is installed or the offer was used.
 */
export function useInstallPrompt(): {
  canInstall: ComputedRef<boolean>
  install: () => Promise<'accepted' | 'dismissed' | 'unavailable'>
} {
  // An offer the browser made before the app's code had loaded (main.ts caught it).
  const offer = shallowRef<BeforeInstallPromptEvent | null>(takeEarlyInstallOffer())

  useEventListener('beforeinstallprompt', (event) => {
    // Without preventDefault Chromium shows its own mini-infobar; the app offers its own button instead.
    event.preventDefault()
    offer.value = event
  })
  useEventListener('appinstalled', () => { offer.value = null })

  async function install() {
    const event = offer.value
    if (!event) return 'unavailable'
    // An offer can be shown only once.
    offer.value = null
    await event.prompt()
    const choice = await event.userChoice
    return choice.outcome
  }

  return { canInstall: computed(() => offer.value !== null), install }
}
