import { defineComponent } from 'vue'
import { usePrayerReminder } from '~/composables/usePrayerReminder'

/** The daily reminder as a component that draws nothing: the shell loads it after the first draw, and it stops with the app. */
export default defineComponent({
  name: 'PrayerReminder',
  setup() {
    usePrayerReminder()
    return () => null
  },
})
