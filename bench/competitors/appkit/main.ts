// Reown AppKit with one adapter (wagmi, EVM), as its docs set it up without a framework.
import { createAppKit } from '@reown/appkit'
import { mainnet } from '@reown/appkit/networks'
import { WagmiAdapter } from '@reown/appkit-adapter-wagmi'

const projectId = 'b56e18d47c72ab683b10814fe9495694'
const wagmiAdapter = new WagmiAdapter({ projectId, networks: [mainnet] })
const modal = createAppKit({
  adapters: [wagmiAdapter],
  networks: [mainnet],
  projectId,
  metadata: { name: 'bench', description: 'bench', url: location.origin, icons: [] },
  features: { analytics: false },
  // Its default is dark: follow the visitor's scheme, as link-wallet does.
  themeMode: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
})
document.querySelector('#open')!.addEventListener('click', () => void modal.open())
