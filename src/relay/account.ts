/**
 * An account is a Snag user group: the wallets a person has linked. A session
 * names one user of it (the anchor) and, once known, the group.
 */
import type { LinkedWallet, RelayWalletType } from '../protocol/relay.js'
import type { SnagUser } from '../protocol/snag.js'
import type { SnagClient } from '../upstream/snag.js'
import type { SessionRecord } from './sessions.js'

const RELAY_TYPES: readonly string[] = ['evm', 'solana', 'ton']

/** Snag's walletType when it gives one, else what the address looks like. */
export function walletTypeOf(user: SnagUser): RelayWalletType | undefined {
  if (user.walletType) return RELAY_TYPES.includes(user.walletType) ? (user.walletType as RelayWalletType) : undefined
  if (/^0x[0-9a-fA-F]{40}$/.test(user.walletAddress)) return 'evm'
  if (/^-?\d+:[0-9a-fA-F]{64}$/.test(user.walletAddress)) return 'ton'
  return 'solana'
}

export function toLinkedWallet(user: SnagUser): LinkedWallet | undefined {
  const walletType = walletTypeOf(user)
  return walletType && { userId: user.id, walletType, walletAddress: user.walletAddress, linkedAt: user.updatedAt }
}

export const toLinkedWallets = (users: SnagUser[]) => users.flatMap((user) => toLinkedWallet(user) ?? [])

/**
 * The users of the session's account. Learns the group id (into `record`) the
 * first time the anchor turns out to be in one.
 */
export async function accountMembers(snag: SnagClient, record: SessionRecord): Promise<SnagUser[]> {
  if (record.groupId) {
    const { data } = await snag.listUsers({ userGroupId: record.groupId })
    if (data.length) return data
  }
  const { data } = await snag.listUsers({ walletAddress: record.anchor.walletAddress })
  const anchor = data.find((user) => user.id === record.anchor.userId)
  if (!anchor) return []
  if (!anchor.userGroupId) return [anchor]
  record.groupId = anchor.userGroupId
  return (await snag.listUsers({ userGroupId: anchor.userGroupId })).data
}

/** Keeps the anchor a member of the account: after an unlink, another wallet takes its place. */
export function reanchor(record: SessionRecord, members: SnagUser[]): void {
  if (members.some((user) => user.id === record.anchor.userId)) return
  const next = members.map((user) => ({ user, wallet: toLinkedWallet(user) })).find((m) => m.wallet)
  if (next?.wallet) record.anchor = { userId: next.user.id, walletType: next.wallet.walletType, walletAddress: next.user.walletAddress }
}
