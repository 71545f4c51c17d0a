/**
 * The languages the widget speaks, each catalog loaded when asked for (English too:
 * until it arrives the element shows only its button, from `first-paint.ts`). A
 * locale resolves by its language subtag (`es-MX` → `es`).
 */
import type { Messages } from './types.js'

const catalogs: Record<string, () => Promise<Messages>> = {
  en: async () => (await import('./en.js')).en,
  es: async () => (await import('./es.js')).es,
  ar: async () => (await import('./ar.js')).ar,
  fr: async () => (await import('./fr.js')).fr,
  de: async () => (await import('./de.js')).de,
  pt: async () => (await import('./pt.js')).pt,
  it: async () => (await import('./it.js')).it,
  ja: async () => (await import('./ja.js')).ja,
  zh: async () => (await import('./zh.js')).zh,
  ko: async () => (await import('./ko.js')).ko,
  ru: async () => (await import('./ru.js')).ru,
  tr: async () => (await import('./tr.js')).tr,
  id: async () => (await import('./id.js')).id,
  hi: async () => (await import('./hi.js')).hi,
  fa: async () => (await import('./fa.js')).fa,
}

export const LOCALES = Object.keys(catalogs)

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur'])

/** The supported language for a BCP 47 tag, English when there is none. */
export function resolveLocale(tag: string | undefined): string {
  const language = (tag ?? '').toLowerCase().split('-')[0] ?? ''
  return Object.hasOwn(catalogs, language) ? language : 'en'
}

export const directionOf = (locale: string): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr')

export function loadMessages(locale: string): Promise<Messages> {
  return catalogs[resolveLocale(locale)]!()
}

/** The text for an error code: the catalog's, or its generic text for a code this widget does not know. */
export const errorText = (t: Messages, code: string): string =>
  Object.hasOwn(t.errors, code) ? t.errors[code as keyof Messages['errors']] : t.unknown

export type { Messages }
