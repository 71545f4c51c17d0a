// @tonconnect/ui: TON Connect's own button and modal.
import { TonConnectUI } from '@tonconnect/ui'

const ui = new TonConnectUI({ manifestUrl: `${location.origin}/tonconnect-manifest.json`, buttonRootId: 'ton-connect' })
document.querySelector('#open')!.addEventListener('click', () => void ui.openModal())
