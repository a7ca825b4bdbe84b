import { getCurrentScope, onScopeDispose, readonly, shallowRef } from 'vue'
import type { Ref } from 'vue'

/** Chromium's install offer; not in TypeScript's DOM library because it is not a standard yet. */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed', platform: string }>
}

/**
 * Keeps the browser's install offer so a button can show it later. `canInstall` is true only while
 * the browser offers installation; it clears once the app is installed or the offer was used.
 */
export function useInstallPrompt(): {
  canInstall: Readonly<Ref<boolean>>
  install: () => Promise<'accepted' | 'dismissed' | 'unavailable'>
} {
  const offer = shallowRef<BeforeInstallPromptEvent | null>(null)
  const canInstall = shallowRef(false)

  const capture = (event: Event) => {
    // Without preventDefault Chromium shows its own mini-infobar; the app offers its own button instead.
    event.preventDefault()
    offer.value = event as BeforeInstallPromptEvent
    canInstall.value = true
  }
  const clear = () => {
    offer.value = null
    canInstall.value = false
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('beforeinstallprompt', capture)
    window.addEventListener('appinstalled', clear)
    if (getCurrentScope()) {
      onScopeDispose(() => {
        window.removeEventListener('beforeinstallprompt', capture)
        window.removeEventListener('appinstalled', clear)
      })
    }
  }

  async function install() {
    const event = offer.value
    if (!event) return 'unavailable'
    // An offer can be shown only once.
    clear()
    await event.prompt()
    const choice = await event.userChoice
    return choice.outcome
  }

  return { canInstall: readonly(canInstall), install }
}
