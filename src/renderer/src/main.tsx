import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App, askWhereToStart } from './App'

// Ask the core where to start (setup, login or the app) before React's first
// render, so the answers travel while React sets up. App handles the outcome.
askWhereToStart().catch(() => {})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
