// Everything the shell (App.vue) shows around the page but not in its first draw, in one chunk
// loaded after it (LazyNotices.ts): notices, the offline badge, the install button, the reminder.
export { default as StorageUnavailable } from '~/components/common/StorageUnavailable.vue'
export { default as InstallButton } from '~/components/pwa/InstallButton.vue'
export { default as OfflineIndicator } from '~/components/pwa/OfflineIndicator.vue'
export { default as OutdatedBanner } from '~/components/pwa/OutdatedBanner.vue'
export { default as ReloadPrompt } from '~/components/pwa/ReloadPrompt.vue'
export { default as PrayerReminder } from './PrayerReminder'
