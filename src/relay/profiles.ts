/**
 * Profiles: the allowlisted fields the relay wrote to Snag's metadata of each
 * user, every change merged. Snag has no route to read metadata back, and the
 * form shows what is saved, so the relay keeps its own copy (without expiry).
 *
 * A change writes Snag, then the merged copy, holding the user's profile lock:
 * changes sent at once (two tabs, two instances) each keep their fields, and the
 * copy ends as Snag does.
 */
import type { ProfileRequest, ProfileResponse } from '../protocol/relay.js'
import type { SnagClient } from '../upstream/snag.js'
import type { Locks } from './lock.js'
import type { Store } from './stores/types.js'

const PROFILE = 'lw:profile:'

export type Profile = ProfileResponse['profile']
export type Profiles = ReturnType<typeof createProfiles>

export function createProfiles({ store, locks, snag }: { store: Store; locks: Locks; snag: SnagClient }) {
  const read = async (userId: string): Promise<Profile> => JSON.parse((await store.get(PROFILE + userId)) ?? '{}') as Profile
  return {
    /** What was saved for Snag user `userId` (nothing yet: `{}`). */
    read,

    /** Writes `changes` to Snag (only the fields sent change; null clears one) and answers the whole profile saved. */
    save: (userId: string, changes: ProfileRequest): Promise<Profile> =>
      locks.hold([`profile:${userId}`], async () => {
        await snag.writeMetadata({ userId, ...changes })
        const profile = { ...(await read(userId)), ...changes }
        await store.set(PROFILE + userId, JSON.stringify(profile), undefined)
        return profile
      }),
  }
}
