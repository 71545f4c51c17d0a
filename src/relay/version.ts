/** The relay's version, as both packages (link-wallet, link-wallet-relay) and the CHANGELOG name it. */
export const VERSION = '0.2.0'
