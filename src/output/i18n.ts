export type Lang = 'zh' | 'en';

export type Messages = Record<Lang, Record<string, string>>;

/** zh when the locale says Chinese (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else en. */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.CUSTOPS_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('zh') || v === 'cn') return 'zh';
  if (v.startsWith('en')) return 'en';
  return undefined;
}

/**
 * A translator over one area's messages: `{name}` placeholders are filled from vars, and
 * `{name|one|other}` picks a word by the count in vars.name (English: "{n} {n|row|rows}").
 */
export function createTranslator(messages: Messages) {
  return (lang: Lang, key: string, vars?: Record<string, string | number>): string => {
    const template = messages[lang][key] ?? messages.en[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      if (one === undefined) return String(value);
      return Number(value) === 1 ? one : (other as string);
    });
  };
}
