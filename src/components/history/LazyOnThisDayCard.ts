import { defineAsyncComponent } from 'vue'

/**
 * The "on this day" card, loaded only after the first screen: its code and its read stay out of
 * the first screen's bundle, and the card appears only when there is something to show.
 */
export default defineAsyncComponent(() => import('./OnThisDayCard.vue'))
