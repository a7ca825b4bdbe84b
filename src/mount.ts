import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { useDatabaseStore } from './stores/database'
import { useFeedStore } from './stores/feed'
import { followTapsWith, showingSavedScreen, showLiveScreen } from './utils/first-screen'

// The app itself, loaded by main.ts once the saved first screen (if any) is on screen.
const pinia = createPinia()

// App-wide work that does not belong to any one view, started before the first render so that it
// runs while Vue mounts: open the journal (on a first visit the browser creates the database
// then), fetch new briefings, and later finish the search index of a journal written before
// Selah had one.
const database = useDatabaseStore(pinia)
const opening = database.open()
const app = createApp(App).use(pinia)

// A start on another view than Today (a shortcut, a link, a reload) fetches that view's code now,
// beside the start's other work, instead of once the router is installed two tasks later.
for (const record of router.resolve(location.href.slice(location.origin.length)).matched) {
  const view = record.components?.default
  if (typeof view === 'function') void (view as () => Promise<unknown>)()
}

// Evaluating this module is a long task already. The rest of the start comes in tasks of its own
// (the feed and the first route, then the first render), so that the page can answer input
// between them and no one task blocks it for long (Lighthouse's Total Blocking Time counts every
// millisecond of a task past 50: one task of all three cost about 250 ms of it, simulated).
const nextTask = () => new Promise(resolve => setTimeout(resolve, 0))
void nextTask()
  .then(() => useFeedStore(pinia).start())
  .then(nextTask)
  // Installing the router starts on the first route, and on its view's code if it is not Today's.
  .then(() => app.use(router))
  .then(nextTask)
  .then(() => app.mount('#app'))

// The saved first screen (src/utils/first-screen.ts) gives way to the live app when Today
// draws (useFirstScreen); here, whatever happens instead: a database that cannot open, a first
// route that is not Today, or a start slower than anyone should look at a still picture for.
if (showingSavedScreen()) {
  followTapsWith(href => void router.push(href))
  setTimeout(showLiveScreen, 3000)
  router.afterEach(to => to.name === 'today' || showLiveScreen())
  void opening.then(() => database.problem && showLiveScreen())
}

// The benchmark's own build only (npm run bench:scale): the reads it times, callable from the page
// and loaded when it first asks, so that a timed start loads no more code than the app people use.
if (import.meta.env.VITE_SELAH_BENCH === '1') {
  Object.assign(window, { __selahLoadReads: () => import('./bench-reads').then(({ exposeReads }) => exposeReads()) })
}

void opening.then(() => {
  // A build reads the whole journal: let the first screen have the database (and the network,
  // for the builder's code) to itself first.
  if (!database.problem) {
    setTimeout(() => void import('./stores/search-index').then(({ useSearchIndexStore }) => useSearchIndexStore(pinia).start()), 2000)
  }
})
