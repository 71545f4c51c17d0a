import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/protocol/errors.js'
import { LOCALES, directionOf, loadMessages, resolveLocale } from '../../src/widget/i18n/index.js'
import type { Messages } from '../../src/widget/i18n/types.js'

const WIDGET_CODES = ['relay_unreachable', 'user_rejected', 'wallet_error', 'wallet_timeout', 'no_wallets'] as const

/** Every leaf of a catalog, functions called with a sample argument. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function') return [[path, String((value as (a: unknown) => string)('X'))]]
  return Object.entries(value as object).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key))
}

describe('languages', () => {
  it('speak fifteen languages, two of them right to left', () => {
    expect(LOCALES).toEqual(['en', 'es', 'ar', 'fr', 'de', 'pt', 'it', 'ja', 'zh', 'ko', 'ru', 'tr', 'id', 'hi', 'fa'])
    expect(LOCALES.filter((locale) => directionOf(locale) === 'rtl')).toEqual(['ar', 'fa'])
    expect(directionOf('es')).toBe('ltr')
  })

  it('resolve a tag by its language, English otherwise', () => {
    expect(resolveLocale('es-MX')).toBe('es')
    expect(resolveLocale('AR')).toBe('ar')
    expect(resolveLocale('zh-Hans-CN')).toBe('zh')
    expect(resolveLocale('sw')).toBe('en')
    expect(resolveLocale(undefined)).toBe('en')
  })

  for (const locale of LOCALES)
    it(`${locale}: has text for every relay error code, wallet rejection and other string`, async () => {
      const messages: Messages = await loadMessages(locale)
      for (const code of [...ERROR_CODES, ...WIDGET_CODES]) expect(messages.errors[code], code).toMatch(/\S/)
      const english = new Map(leaves(await loadMessages('en')))
      for (const [path, text] of leaves(messages)) {
        expect(text, path).toMatch(/\S/)
        if (locale !== 'en' && !['chain.solana', 'chain.ton'].includes(path))
          expect(text, `${path} is untranslated`).not.toBe(english.get(path))
      }
    })
})
