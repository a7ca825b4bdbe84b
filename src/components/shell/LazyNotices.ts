import { defineAsyncComponent } from 'vue'

/**
 * The shell's notices, badge, install button and reminder, loaded once the app has drawn: none of
 * them is in Today's first draw (they float, or sit in the bar's fixed height, so their arrival
 * moves nothing), and their code (the service worker's registration among it) stays off the first screen.
 */
const notices = () => import('./notices')

export const StorageUnavailable = defineAsyncComponent(() => notices().then(m => m.StorageUnavailable))
export const InstallButton = defineAsyncComponent(() => notices().then(m => m.InstallButton))
export const OfflineIndicator = defineAsyncComponent(() => notices().then(m => m.OfflineIndicator))
export const OutdatedBanner = defineAsyncComponent(() => notices().then(m => m.OutdatedBanner))
export const ReloadPrompt = defineAsyncComponent(() => notices().then(m => m.ReloadPrompt))
export const PrayerReminder = defineAsyncComponent(() => notices().then(m => m.PrayerReminder))
