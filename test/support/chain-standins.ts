/**
 * The emulator's stand-ins for the Antelope chain API and the Flow Access API, one
 * per test process, reached in-process at http://chain.test/ (what tests give
 * ULTRA_RPC_URL and FLOW_ACCESS_NODE_URL). Test wallets register their accounts here.
 */
import { createChainStandIns } from '../../src/emulator/chains.js'
import { fetchInto } from '../../src/upstream/http.js'

export const standIns = createChainStandIns()
export const CHAIN_TEST_URL = 'http://chain.test'
export const ULTRA_RPC_URL = `${CHAIN_TEST_URL}/antelope`
export const FLOW_ACCESS_NODE_URL = `${CHAIN_TEST_URL}/flow`
export const standInFetch = fetchInto(standIns.app)
