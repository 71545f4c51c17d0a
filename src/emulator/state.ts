/**
 * The emulator's in-memory world: Snag users (one per wallet), their user
 * groups and metadata, and Velt organization user groups.
 */
import type { AnyServerChain } from '../chains/server-face.js'
import { WalletType as WalletTypes, type SnagMetadataRequest, type SnagUser, type WalletType } from '../protocol/snag.js'

export type EmulatedUser = {
  id: string
  walletType: WalletType
  walletAddress: string
  userGroupId: string | null
  createdAt: string
  updatedAt: string
}

export type EmulatedGroup = { id: string; externalIdentifier: string | null; createdAt: string }

export type EmulatedMetadata = Omit<SnagMetadataRequest, 'userId' | 'walletAddress' | 'websiteId' | 'organizationId'> & {
  id: string
  createdAt: string
}

export type EmulatorSnapshot = {
  users: EmulatedUser[]
  groups: (EmulatedGroup & { userIds: string[] })[]
  metadata: Record<string, EmulatedMetadata>
  velt: Record<string, Record<string, string[]>>
}

export class EmulatorState {
  readonly users = new Map<string, EmulatedUser>()
  readonly groups = new Map<string, EmulatedGroup>()
  readonly metadata = new Map<string, EmulatedMetadata>()
  /** organizationId → organizationUserGroupId → user ids */
  readonly velt = new Map<string, Map<string, Set<string>>>()
  private readonly byWallet = new Map<string, string>()
  /** groupId → its users' ids, kept with each move, so lookups stay fast however many users there are. */
  private readonly byGroup = new Map<string, Set<string>>()

  constructor(
    private readonly now: () => number,
    private readonly chains: readonly AnyServerChain[] = [],
    /** Users kept at most: past it, a new wallet's user takes the place of the oldest one (see `forget`). */
    private readonly maxUsers = Number.POSITIVE_INFINITY,
  ) {}

  /** A wallet's key: its type and its address in the chain's canonical form (as given, for a chain the emulator does not know). */
  walletKey(walletType: string, walletAddress: string): string {
    const chain = this.chains.find((known) => known.spec.walletType === walletType)
    return `${walletType}:${chain?.canonicalAddress(walletAddress) ?? walletAddress}`
  }

  private stamp(): string {
    return new Date(this.now()).toISOString()
  }

  userByWallet(walletType: string, walletAddress: string): EmulatedUser | undefined {
    const id = this.byWallet.get(this.walletKey(walletType, walletAddress))
    return id === undefined ? undefined : this.users.get(id)
  }

  /** Finds the wallet's user, creating a standalone one the first time a wallet is seen. */
  userForWallet(walletType: WalletType, walletAddress: string): EmulatedUser {
    const existing = this.userByWallet(walletType, walletAddress)
    if (existing) return existing
    if (this.users.size >= this.maxUsers) this.forget(this.users.values().next().value!)
    const at = this.stamp()
    const user: EmulatedUser = { id: crypto.randomUUID(), walletType, walletAddress, userGroupId: null, createdAt: at, updatedAt: at }
    this.users.set(user.id, user)
    this.byWallet.set(this.walletKey(walletType, walletAddress), user.id)
    return user
  }

  /**
   * Drops a user and all that names it: its wallet, its place in its group (a group left
   * empty goes too), its metadata, its Velt memberships. Only a bounded emulator does this
   * (the hosted demo), to its oldest user; Snag itself forgets no one.
   */
  private forget(user: EmulatedUser): void {
    const groupId = user.userGroupId
    this.setGroup(user, null)
    if (groupId !== null && !this.byGroup.get(groupId)?.size) {
      this.byGroup.delete(groupId)
      this.groups.delete(groupId)
    }
    this.byWallet.delete(this.walletKey(user.walletType, user.walletAddress))
    this.users.delete(user.id)
    this.metadata.delete(user.id)
    for (const groups of this.velt.values()) for (const members of groups.values()) members.delete(user.id)
  }

  members(groupId: string): EmulatedUser[] {
    return [...(this.byGroup.get(groupId) ?? [])].map((id) => this.users.get(id)!)
  }

  /** The users with this address, whatever their wallet type (EVM addresses compared case-insensitively). */
  usersWithAddress(walletAddress: string): EmulatedUser[] {
    return WalletTypes.options.flatMap((type) => this.userByWallet(type, walletAddress) ?? [])
  }

  /** The group of `user`, created (with `user` as its first member) if it has none. */
  groupOf(user: EmulatedUser): EmulatedGroup {
    const existing = user.userGroupId === null ? undefined : this.groups.get(user.userGroupId)
    if (existing) return existing
    const group: EmulatedGroup = { id: crypto.randomUUID(), externalIdentifier: null, createdAt: this.stamp() }
    this.groups.set(group.id, group)
    this.setGroup(user, group.id)
    return group
  }

  setGroup(user: EmulatedUser, groupId: string | null): void {
    if (user.userGroupId !== null) this.byGroup.get(user.userGroupId)?.delete(user.id)
    if (groupId !== null) this.byGroup.set(groupId, (this.byGroup.get(groupId) ?? new Set()).add(user.id))
    user.userGroupId = groupId
    user.updatedAt = this.stamp()
  }

  writeMetadata(user: EmulatedUser, fields: Omit<EmulatedMetadata, 'id' | 'createdAt'>): EmulatedMetadata {
    const current = this.metadata.get(user.id) ?? { id: crypto.randomUUID(), createdAt: this.stamp() }
    const next = { ...current, ...fields }
    this.metadata.set(user.id, next)
    return next
  }

  addToVeltGroup(organizationId: string, groupId: string, userIds: string[]): void {
    const groups = this.velt.get(organizationId) ?? new Map<string, Set<string>>()
    this.velt.set(organizationId, groups)
    const members = groups.get(groupId) ?? new Set<string>()
    groups.set(groupId, members)
    for (const id of userIds) members.add(id)
  }

  toSnagUser(user: EmulatedUser): SnagUser {
    return { ...user }
  }

  /** Everything the emulator holds, or (with `userIds`) only what concerns those users. */
  snapshot(userIds?: ReadonlySet<string>): EmulatorSnapshot {
    const shown = (id: string) => !userIds || userIds.has(id)
    return {
      users: [...this.users.values()].filter((user) => shown(user.id)).map((user) => ({ ...user })),
      groups: [...this.groups.values()]
        .map((group) => ({
          ...group,
          userIds: this.members(group.id)
            .map((user) => user.id)
            .filter(shown),
        }))
        .filter((group) => !userIds || group.userIds.length > 0),
      metadata: Object.fromEntries([...this.metadata].filter(([id]) => shown(id))),
      velt: Object.fromEntries(
        [...this.velt]
          .map(
            ([org, groups]) =>
              [
                org,
                Object.fromEntries(
                  [...groups].map(([id, set]) => [id, [...set].filter(shown)] as const).filter(([, ids]) => !userIds || ids.length),
                ),
              ] as const,
          )
          .filter(([, groups]) => !userIds || Object.keys(groups).length),
      ),
    }
  }
}
