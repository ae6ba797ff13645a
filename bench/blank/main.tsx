// The tti peer: the smallest React page with the same kind of first usable
// screen (a labelled username field), built by the same Vite and React plugin
// as the renderer. Whatever our renderer takes beyond this page is ours.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

function Blank() {
  return (
    <main>
      <h1>Log in</h1>
      <label htmlFor="username">Username</label>
      <input id="username" name="username" autoComplete="username" />
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Blank />
  </StrictMode>,
)
