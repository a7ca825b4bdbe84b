import { createRouter, type RouteRecordRaw, type RouterScrollBehavior } from 'vue-router'
import { createCacheableWebHistory } from './utils/bfcache-history'
import TodayView from './views/TodayView.vue'

/** Waits for an element that appears once async data has rendered (a pointer deep link). */
function waitForElement(id: string, timeout = 3000): Promise<HTMLElement | null> {
  return new Promise((resolve) => {
    const started = performance.now()
    const look = () => {
      const el = document.getElementById(id)
      if (el || performance.now() - started > timeout) resolve(el)
      else requestAnimationFrame(look)
    }
    look()
  })
}

const scrollBehavior: RouterScrollBehavior = async (to, from, saved) => {
  // A view that keeps its own place (the journal's virtual list) puts the reader back itself: the
  // saved offset would land in rows that are not measured yet, and its smooth glide would fight it.
  if (saved) return to.meta.placesItself ? false : saved
  if (to.hash) {
    const el = await waitForElement(decodeURIComponent(to.hash.slice(1)))
    if (el) return { el, top: 16 }
  }
  if (to.path === from.path) return false
  return { top: 0 }
}

// Only the first screen is in the main bundle; the other views (and the parser) load on demand.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'today', component: TodayView },
  { path: '/today', redirect: '/' },
  { path: '/briefings', name: 'briefings', component: () => import('./views/BriefingsView.vue') },
  { path: '/briefings/:id', name: 'briefing', component: () => import('./views/BriefingView.vue'), props: true },
  { path: '/prayers', name: 'prayers', component: () => import('./views/MyPrayersView.vue') },
  { path: '/journal', name: 'journal', component: () => import('./views/JournalView.vue'), meta: { placesItself: true } },
  { path: '/answered', name: 'answered', component: () => import('./views/AnsweredView.vue') },
  { path: '/add', name: 'add', component: () => import('./views/AddBriefingView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/pointers/:pointerId', name: 'thread', component: () => import('./views/ThreadView.vue'), props: true },
  { path: '/on-this-day', name: 'on-this-day', component: () => import('./views/OnThisDayView.vue') },
  { path: '/calendar', name: 'calendar', component: () => import('./views/CalendarView.vue') },
  { path: '/pray/:source', name: 'pray', component: () => import('./views/PrayThroughView.vue'), props: true, meta: { focus: true } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
]

export const router = createRouter({
  history: createCacheableWebHistory(import.meta.env.BASE_URL),
  scrollBehavior,
  routes,
})

declare module 'vue-router' {
  interface RouteMeta {
    /** The view restores its own scroll position on Back (see scrollBehavior). */
    placesItself?: boolean
    /** The view takes the whole screen: no header or tab bar (pray-through mode). */
    focus?: boolean
  }
}
