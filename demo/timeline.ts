/**
 * The flow as it happens: the widget's own events and its calls to the relay (seen
 * by wrapping the page's `fetch`, which the widget uses), each with the time since
 * the wallet was chosen. Nothing here changes what the widget sends or receives.
 */
const STEPS: Record<string, string> = {
  connecting: 'The wallet is asked to connect',
  signing: 'The wallet is asked to sign the relay’s message',
  linking: 'The signature goes to the relay',
}

export function startTimeline(list: HTMLOListElement, widget: HTMLElement, relay: string) {
  let started = performance.now()
  const add = (text: string, kind = '') => {
    const item = document.createElement('li')
    if (kind) item.className = kind
    const time = document.createElement('time')
    time.textContent = `+${Math.round(performance.now() - started)} ms`
    item.append(time, ` ${text}`)
    list.append(item)
  }

  widget.addEventListener('lw-state', (event) => {
    const { state } = event as Event & { state: string }
    if (state === 'choosing') {
      list.replaceChildren()
      started = performance.now()
      add('The wallet list opens: wallets found in this page, by chain')
    } else if (STEPS[state]) add(STEPS[state]!)
  })
  widget.addEventListener('lw-linked', (event) => {
    const { wallet, wallets } = event as Event & { wallet: { walletType: string; walletAddress: string }; wallets: unknown[] }
    add(`Linked: ${wallet.walletType} ${wallet.walletAddress} — the account holds ${wallets.length} wallet(s)`, 'done')
  })
  widget.addEventListener('lw-error', (event) => add(`Stopped: ${(event as Event & { code: string }).code}`, 'failed'))

  // The widget's calls to the relay: what each step costs, and what the relay answered.
  const base = relay.replace(/\/$/, '')
  const original = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    if (!url.startsWith(`${base}/v1/`)) return original(input, init)
    const path = url.slice(base.length)
    const begun = performance.now()
    const response = await original(input, init)
    const ms = Math.round(performance.now() - begun)
    if (path === '/v1/challenge') add(`The relay issues a single-use challenge (POST /v1/challenge → ${response.status}, ${ms} ms)`)
    else if (path === '/v1/link') {
      if (response.ok)
        add(
          `The relay checks every field and the signature, then calls Snag’s POST /api/users/connect with its API key (POST /v1/link → ${response.status}, ${ms} ms)`,
        )
      else {
        const code = (
          (await response
            .clone()
            .json()
            .catch(() => undefined)) as { error?: { code?: string } } | undefined
        )?.error?.code
        add(`The relay answers ${code ?? response.status} (POST /v1/link → ${response.status}, ${ms} ms)`, 'failed')
      }
    }
    return response
  }
}
