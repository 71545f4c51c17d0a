/** Abstract Global Wallet accounts: SIWE, checked like EVM's (a contract asked on Abstract). */
import { siweServer } from '../evm/server.js'
import { agw } from './spec.js'

export const agwServer = siweServer(agw)
