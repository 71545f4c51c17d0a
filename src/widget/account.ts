/**
 * The account as the page shows it: its session (kept in sessionStorage, so it
 * survives a reload but not the tab, and never in a cookie), its linked wallets,
 * unlinking with confirmation, the profile, signing out. Part of the first load,
 * so a returning visitor sees their wallets without opening anything.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { LinkResponse, LinkedWallet, ProfileRequest, ProfileResponse } from '../protocol/relay.js'

export type SavedProfile = ProfileResponse['profile']
import { LinkErrorEvent, SignedOutEvent, UnlinkedEvent } from './events.js'
import { RelayRequestError, createRelayClient, type RelayClient, type AnyErrorCode } from './relay-client.js'

type Host = ReactiveControllerHost & HTMLElement

export type AccountOptions = { relay: string; userToken: string | undefined }

/**
 * The host user a token names (its `sub`), read without checking it: it only keeps
 * one host user's session apart from another's in this tab. The relay checks tokens.
 */
function hostUserOf(token: string | undefined): string {
  try {
    const payload: unknown = JSON.parse(atob((token?.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')))
    const sub = (payload as { sub?: unknown } | null)?.sub
    return typeof sub === 'string' ? sub : ''
  } catch {
    return ''
  }
}

const storage = {
  get(key: string) {
    try {
      return sessionStorage.getItem(key) ?? undefined
    } catch {
      return undefined
    }
  },
  set(key: string, value: string | undefined) {
    try {
      if (value === undefined) sessionStorage.removeItem(key)
      else sessionStorage.setItem(key, value)
    } catch {
      // Storage refused (a sandboxed frame): the session lasts as long as the page.
    }
  },
}

export class Account implements ReactiveController {
  wallets: LinkedWallet[] = []
  session: string | undefined
  /** The wallet whose unlinking waits for a confirmation, or is under way. */
  confirming: string | undefined
  unlinking: string | undefined
  error: AnyErrorCode | undefined
  /** Something the person should know that is not an error (e.g. why they were signed out). */
  notice: 'signedOutByUnlink' | undefined

  private client: { relay: string; userToken: string | undefined; api: RelayClient } | undefined

  constructor(
    private readonly host: Host,
    private readonly options: () => AccountOptions,
  ) {
    host.addController(this)
  }

  hostConnected(): void {}

  /** The relay client for the current relay, speaking with this account's credentials. */
  api(): RelayClient {
    const { relay, userToken } = this.options()
    if (this.client?.relay !== relay || this.client.userToken !== userToken)
      this.client = { relay, userToken, api: createRelayClient(relay, () => ({ session: this.session, userToken })) }
    return this.client.api
  }

  /** One stored session per relay and host user: another user of the same site never picks up this one. */
  private get key() {
    const { relay, userToken } = this.options()
    return `link-wallet:session:${relay}:${hostUserOf(userToken)}`
  }

  /** Picks up the session this tab already had with the relay, and its wallets. */
  async restore(): Promise<void> {
    if (!this.options().relay) return
    this.session = storage.get(this.key)
    this.wallets = []
    if (!this.session) return this.changed()
    try {
      this.wallets = (await this.api().wallets()).wallets
    } catch (error) {
      this.fail(error)
    }
    this.changed()
  }

  /** A link succeeded: its session and the account's wallets are now the page's. */
  adopt(result: LinkResponse): void {
    this.session = result.session
    storage.set(this.key, result.session)
    this.wallets = result.wallets
    this.error = undefined
    this.notice = undefined
    this.changed()
  }

  confirm(userId: string | undefined): void {
    this.confirming = userId
    this.changed()
  }

  async unlink(userId: string): Promise<void> {
    this.unlinking = userId
    this.changed()
    try {
      const result = await this.api().unlink({ userId })
      this.wallets = result.wallets
      this.error = undefined
      this.host.dispatchEvent(new UnlinkedEvent(result.unlinked, result.wallets))
      // The wallet this session was signed in with has left the account: so has the session.
      if (result.sessionEnded) {
        this.forget()
        this.notice = 'signedOutByUnlink'
      }
    } catch (error) {
      // Refused as not this account's wallet, or its last: the list shown is stale, not the session.
      if (error instanceof RelayRequestError && error.code === 'forbidden') {
        this.error = 'forbidden'
        this.host.dispatchEvent(new LinkErrorEvent(error.code, error.message))
        await this.restore()
      } else this.fail(error)
    } finally {
      this.unlinking = this.confirming = undefined
      this.changed()
    }
  }

  /** Sends the changed fields only; resolves with the profile as saved now. */
  async saveProfile(changes: ProfileRequest): Promise<SavedProfile> {
    try {
      return (await this.api().profile(changes)).profile
    } catch (error) {
      this.fail(error)
      throw error
    }
  }

  /** The profile as saved through the relay (what the form shows). */
  async savedProfile(): Promise<SavedProfile> {
    return (await this.api().savedProfile()).profile
  }

  async signOut(): Promise<void> {
    await this.api()
      .endSession()
      .catch(() => {})
    this.forget()
  }

  /** Ends every session of the account, on every device, then this one's. */
  async signOutEverywhere(): Promise<void> {
    try {
      await this.api().endAllSessions()
      this.forget()
    } catch (error) {
      this.fail(error)
    }
  }

  /** Drops the session (ended, revoked or refused) and what it showed. */
  forget(): void {
    const had = this.session !== undefined
    this.session = undefined
    storage.set(this.key, undefined)
    this.wallets = []
    this.confirming = undefined
    this.changed()
    if (had) this.host.dispatchEvent(new SignedOutEvent())
  }

  /**
   * Tells the page what went wrong (`lw-error`) and returns its code. A session the
   * relay no longer accepts (`unauthorized`) or refuses to this caller (`forbidden`) is
   * forgotten: the next link starts a new one. The account's own calls fail only with
   * relay codes; the linking flow passes the code it knows.
   */
  report(error: unknown, code: AnyErrorCode = error instanceof RelayRequestError ? error.code : 'internal'): AnyErrorCode {
    if (code === 'unauthorized' || code === 'forbidden') this.forget()
    this.host.dispatchEvent(new LinkErrorEvent(code, error instanceof Error ? error.message : String(error)))
    return code
  }

  private fail(error: unknown): void {
    this.error = this.report(error)
  }

  private changed(): void {
    this.host.requestUpdate()
  }
}
