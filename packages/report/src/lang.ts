/** Languages the report and the summary are written in. */
export type Lang = 'en' | 'ja';

/** Every supported language, for validation and `--lang` choices. */
export const langs: readonly Lang[] = ['en', 'ja'] as const;

/** The language used when none is given. */
export const defaultLang: Lang = 'en';
