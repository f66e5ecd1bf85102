import { enumLabel, type Lang } from '../../i18n';

export type Term = { code: string; labelZh: string; labelEn: string };

/**
 * The codes a vocabulary of the profile allows, or, where the profile leaves it free (null), the
 * codes the bureaus' documents use, so a picker always has something to offer and a label to show.
 */
export function termsOf(lang: Lang, vocabulary: readonly Term[] | null | undefined, defaults: Record<string, readonly [string, string]>) {
  const options = vocabulary
    ? vocabulary.map((x) => ({ value: x.code, label: lang === 'zh' ? x.labelZh : x.labelEn }))
    : Object.entries(defaults).map(([value, pair]) => ({ value, label: pair[lang === 'zh' ? 0 : 1] }));
  const name = (code: string) => {
    const term = vocabulary?.find((x) => x.code === code);
    return term ? (lang === 'zh' ? term.labelZh : term.labelEn) : enumLabel(lang, defaults, code);
  };
  return { options, name, free: !vocabulary };
}

/** 1 January of the year of a `yyyy-mm-dd` day. */
export const startOfYear = (day: string) => `${day.slice(0, 4)}-01-01`;

/**
 * The day whose profile a year's plan answers to, as the service reckons it: today for this
 * year's plan, 1 January for a later year's, 31 December for an earlier year's.
 */
export function planDay(year: number, today: string): string {
  const current = Number(today.slice(0, 4));
  if (year === current) return today;
  return year > current ? `${year}-01-01` : `${year}-12-31`;
}
