import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { useDatabaseStore } from './stores/database'
import { useFeedStore } from './stores/feed'
import './styles/main.css'

const pinia = createPinia()
createApp(App).use(pinia).use(router).mount('#app')

// App-wide work that does not belong to any one view: open the journal, then fetch new briefings
// and finish the search index of a journal written before Selah had one.
const database = useDatabaseStore(pinia)
void database.open().then(() => {
  // A build reads the whole journal: let the first screen have the database (and the network,
  // for the builder's code) to itself first.
  if (!database.problem) {
    setTimeout(() => void import('./stores/search-index').then(({ useSearchIndexStore }) => useSearchIndexStore(pinia).start()), 2000)
  }
})
useFeedStore(pinia).start()
