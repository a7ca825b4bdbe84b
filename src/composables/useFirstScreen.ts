import { watch, type WatchSource } from 'vue'
import { keepFirstScreen, showLiveScreen } from '~/utils/first-screen'

/**
 * For the view a start opens on (Today). `shown` is what it shows: undefined until its
 * own read has answered (or failed). Once it has drawn, the live view replaces the saved first
 * screen; each time it draws anew (a briefing arrives, a count changes), what it shows is kept for
 * the next start, unless `keep` says this is not the usual first screen (a search, an error).
 */
export function useFirstScreen(shown: WatchSource<unknown>, keep: () => boolean): void {
  watch(shown, (value, _, onCleanup) => {
    if (value === undefined) return
    showLiveScreen()
    if (!keep()) return
    // Out of the frame that draws it; by then it is still this page, as the next start will draw it.
    const handle = setTimeout(() => {
      const app = document.getElementById('app')
      if (app && keep()) keepFirstScreen(app)
    }, 0)
    onCleanup(() => clearTimeout(handle))
  }, { flush: 'post', immediate: true })
}
