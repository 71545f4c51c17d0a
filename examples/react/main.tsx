// <link-wallet> in React 19: attributes and properties pass straight through, and
// `on` + the event's name (`onlw-linked`) listens to the element's own events.
import 'link-wallet'
import type { LinkedEvent } from 'link-wallet'
import type {} from 'link-wallet/react'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'

const relay = new URLSearchParams(location.search).get('relay') ?? 'http://127.0.0.1:8787'

function App() {
  const [linked, setLinked] = useState<string>()
  return (
    <main>
      <h1>React</h1>
      <link-wallet
        relay={relay}
        chains="evm"
        onlw-linked={(event: LinkedEvent) => setLinked(`${event.wallet.walletType} ${event.wallet.walletAddress}`)}
      />
      {linked && <p id="linked">Linked {linked}</p>}
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
