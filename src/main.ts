import { applySavedAppearance } from './utils/appearance'
import { drawSavedScreen, showLiveScreen } from './utils/first-screen'
import { catchEarlyInstallOffer } from './utils/install-offer'
import './styles/main.css'

// Theme and text size first: everything drawn from here on, the saved first screen too, has them.
applySavedAppearance()
catchEarlyInstallOffer()

// The first thing a start does: draw Today as it last looked (src/utils/first-screen.ts)
// and let the browser paint it. Only then does the app's code load and run, so that compiling it
// does not hold that paint back (its styles are in the page already: one stylesheet, vite.config.ts).
const nextPaint = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))
void (drawSavedScreen() ? nextPaint() : Promise.resolve())
  .then(() => import('./mount'))
  .catch((error: unknown) => {
    // Its code could not load: a still picture of Today must not pretend to be the app.
    showLiveScreen()
    throw error
  })
