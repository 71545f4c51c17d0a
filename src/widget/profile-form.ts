/**
 * The optional profile form (`profile` attribute), loaded once an account has a
 * session. It validates with the relay's own schema, so the form and the relay
 * cannot disagree about a limit, and says what is wrong beside each field.
 */
import { css, html, type ReactiveControllerHost } from 'lit'
import { ProfileRequest, PROFILE_LIMITS } from '../protocol/relay.js'
import type { Account, SavedProfile } from './account.js'
import { errorText, type Messages } from './i18n/index.js'

type Field = keyof typeof PROFILE_LIMITS
const FIELDS = Object.keys(PROFILE_LIMITS) as Field[]
const URL_FIELDS: readonly Field[] = ['portfolioUrl', 'logoUrl']

export const profileStyles = css`
  /* The card and its heading are styled with the linked wallets' (styles.ts). */
  [part='profile'] {
    display: grid;
    gap: calc(var(--lw-space) * 0.5);
    margin-top: var(--lw-space);
  }
  [part='profile'] label {
    display: grid;
    gap: 4px;
    font-size: 0.875rem;
  }
  [part='profile'] input {
    font: inherit;
    min-height: 44px;
    padding: 0 calc(var(--lw-space) * 0.5);
    border: 1px solid var(--lw-border);
    border-radius: calc(var(--lw-radius) * 0.5);
    background: var(--lw-background);
    color: var(--lw-foreground);
  }
  [part='profile'] input[aria-invalid='true'] {
    border-color: var(--lw-danger);
  }
  .field-error {
    color: var(--lw-danger);
    font-size: 0.8125rem;
    min-height: 1em;
  }
`

export class ProfileForm {
  private status: 'loading' | 'idle' | 'saving' | 'saved' | 'failed' = 'loading'
  private invalid: Partial<Record<Field, string>> = {}
  /** What is saved: the form shows it, and sends only what differs from it. */
  private saved: SavedProfile = {}

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly account: Account,
  ) {
    void account
      .savedProfile()
      .then((saved) => (this.saved = saved))
      .catch(() => {})
      .finally(() => {
        this.status = 'idle'
        host.requestUpdate()
      })
  }

  private async submit(event: SubmitEvent, t: Messages): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    // Only what the person changed: an untouched field keeps what is saved, an emptied one is cleared.
    const changes = Object.fromEntries(
      FIELDS.map((field) => [field, String(data.get(field) ?? '').trim() || null] as const).filter(
        ([field, value]) => value !== (this.saved[field] ?? null),
      ),
    )
    if (!Object.keys(changes).length) {
      this.invalid = {}
      this.status = 'saved'
      this.host.requestUpdate()
      return
    }
    const parsed = ProfileRequest.safeParse(changes)
    this.invalid = {}
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0] as Field
      this.invalid[field] =
        URL_FIELDS.includes(field) && issue.code !== 'too_big' ? t.profile.notHttps : t.profile.tooLong(PROFILE_LIMITS[field])
    }
    if (!parsed.success) {
      this.status = 'idle'
      this.host.requestUpdate()
      await this.host.updateComplete
      form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
      return
    }
    this.status = 'saving'
    this.host.requestUpdate()
    try {
      this.saved = await this.account.saveProfile(parsed.data)
      this.status = 'saved'
    } catch {
      this.status = 'failed'
    }
    this.host.requestUpdate()
  }

  render(t: Messages) {
    const error = this.status === 'failed' && this.account.error ? errorText(t, this.account.error) : ''
    return html`<form part="profile" novalidate @submit=${(event: SubmitEvent) => this.submit(event, t)} aria-labelledby="profile-title">
      <h2 id="profile-title">${t.profile.title}</h2>
      ${FIELDS.map(
        (field) => html`<label
            >${t.profile[field]}
            <input
              name=${field}
              type=${URL_FIELDS.includes(field) ? 'url' : 'text'}
              .value=${this.saved[field] ?? ''}
              ?disabled=${this.status === 'loading'}
              aria-invalid=${this.invalid[field] ? 'true' : 'false'}
              aria-describedby=${`${field}-error`}
              autocomplete="off"
          /></label>
          <span id=${`${field}-error`} class="field-error">${this.invalid[field] ?? ''}</span>`,
      )}
      <div><button class="primary" type="submit" ?disabled=${this.status === 'saving' || this.status === 'loading'}>${t.profile.save}</button></div>
      <p role="status" aria-live="polite">${this.status === 'saved' ? t.profile.saved : ''}</p>
      ${error ? html`<p part="error" role="alert">${error}</p>` : ''}
    </form>`
  }
}
