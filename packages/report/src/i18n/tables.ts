import type { Lang } from '../lang.js';
import { en } from './en.js';
import { ja } from './ja.js';
import type { Messages } from './messages.js';

const tables: Record<Lang, Messages> = { en, ja };

/** The messages table of a language. */
export function messagesFor(lang: Lang): Messages {
  return tables[lang];
}
