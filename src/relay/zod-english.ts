/**
 * Zod's English messages, for the relay's callers (a request's `invalid_request`)
 * and its operator (configuration problems). The relay's schemas are `zod/mini`,
 * which speaks no language of its own; the widget, which says its own words,
 * never loads this.
 */
import { z } from 'zod/mini'
import en from 'zod/v4/locales/en.js'

z.config(en())
