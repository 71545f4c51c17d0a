/**
 * The page's controls: the widget's theme, language, layout and chains, changed
 * live, and the snippet a site pastes to get the same widget.
 */
const LOCALES = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  pt: 'Português',
  it: 'Italiano',
  ru: 'Русский',
  tr: 'Türkçe',
  id: 'Bahasa Indonesia',
  hi: 'हिन्दी',
  ja: '日本語',
  zh: '中文',
  ko: '한국어',
  ar: 'العربية',
  fa: 'فارسی',
} as const

export function startControls(form: HTMLFormElement, snippet: HTMLElement, widget: HTMLElement, relay: string, chains: readonly string[]) {
  const chainBoxes = form.querySelector<HTMLElement>('#chain-boxes')!
  for (const chain of chains) {
    const label = document.createElement('label')
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'chain', value: chain, checked: true })
    label.append(box, ` ${chain}`)
    chainBoxes.append(label)
  }
  const locale = form.querySelector<HTMLSelectElement>('[name=locale]')!
  locale.append(new Option('the page’s', ''))
  for (const [code, name] of Object.entries(LOCALES)) locale.append(new Option(name, code))

  // The form starts from the widget as it is (the page or a test may have set it already).
  for (const name of ['theme', 'locale', 'layout'] as const) {
    const field = form.querySelector<HTMLSelectElement>(`[name=${name}]`)!
    const value = widget.getAttribute(name)
    if (value !== null && [...field.options].some((option) => option.value === value)) field.value = value
  }
  const only = widget.getAttribute('chains')?.split(/\s+/)
  if (only) for (const box of chainBoxes.querySelectorAll('input')) box.checked = only.includes(box.value)

  const apply = (touch: boolean) => {
    const data = new FormData(form)
    const attributes: [string, string | undefined][] = [
      ['relay', relay],
      ['theme', String(data.get('theme')) || undefined],
      ['locale', String(data.get('locale')) || undefined],
      ['layout', data.get('layout') === 'compact' ? 'compact' : undefined],
    ]
    const chosen = data.getAll('chain').map(String)
    attributes.push(['chains', chosen.length && chosen.length < chains.length ? chosen.join(' ') : undefined])
    if (touch)
      for (const [name, value] of attributes.slice(1)) value === undefined ? widget.removeAttribute(name) : widget.setAttribute(name, value)
    const set = attributes.filter(([, value]) => value !== undefined).map(([name, value]) => ` ${name}="${value}"`)
    snippet.textContent = `<script type="module" src="https://your.site/link-wallet/link-wallet.js"></script>\n<link-wallet${set.join('')}></link-wallet>`
  }
  form.addEventListener('change', () => apply(true))
  apply(false)
}
