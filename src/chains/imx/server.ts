/** Immutable Passport accounts: SIWE, checked like EVM's (a contract asked on Immutable zkEVM). */
import { siweServer } from '../evm/server.js'
import { imx } from './spec.js'

export const imxServer = siweServer(imx)
