import { normaliseValue } from './text.js';

export interface EmailResult {
  email: string | null;
  ok: boolean;
  /** The corrected address when the domain looks like a typo of a common provider (applied only by `clean --fix`). */
  suggestion?: string;
  /** Stable code: empty | missing_at | invalid_syntax | domain_typo | multiple */
  reason?: string;
}

const PLAIN = /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{1,59})$/;
const EDGE_PUNCTUATION = /^[.,;:、]+|[.,;:、]+$/g;
/** A domain with a comma where a dot belongs (and no second address after it). */
const COMMA_DOMAIN = /^([^@\s,;]+)@((?:[a-z0-9-]+[.,])*[a-z0-9-]+,(?:[a-z0-9-]+[.,])*[a-z]{2,})$/;

/** Mail providers common in Chinese and international customer lists, the targets of typo suggestions. */
export const COMMON_DOMAINS = [
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', 'vip.163.com', '126.com', 'vip.126.com', 'yeah.net', 'sina.com', 'sina.cn',
  'vip.sina.com', 'sohu.com', 'aliyun.com', '139.com', '189.cn', 'wo.cn', 'tom.com', '21cn.com',
  'gmail.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.com.cn', 'icloud.com',
  'me.com', 'mac.com', 'protonmail.com', 'aol.com', 'hotmail.co.uk', 'googlemail.com',
];
const COMMON = new Set(COMMON_DOMAINS);
/** Typos no edit-distance rule catches safely. */
const KNOWN_TYPOS: Record<string, string> = {
  qqcom: 'qq.com', '163com': '163.com', '126com': '126.com', gmailcom: 'gmail.com', 'qq.com.cn': 'qq.com',
  'qq.cn': 'qq.com', '163.cn': '163.com', 'gmail.cn': 'gmail.com', 'hotmail.cn': 'hotmail.com',
};
/** Top-level domains typed wrongly (.con, .cm, .co for .com …) on the big providers. */
const TLD_TYPOS = new Set(['con', 'cm', 'co', 'om', 'comm', 'cpm', 'vom', 'xom', 'cim', 'c0m', 'coom', 'ocm', 'cn.com', 'net.com']);

const typoCache = new Map<string, string | null>();

function damerauAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length] <= max;
}

/** The common provider domain this one is a typo of, or null. */
export function domainTypoFix(domain: string): string | null {
  if (COMMON.has(domain)) return null;
  const cached = typoCache.get(domain);
  if (cached !== undefined) return cached;
  let fix: string | null = KNOWN_TYPOS[domain] ?? null;
  if (fix === null) {
    const dot = domain.indexOf('.');
    const name = dot < 0 ? domain : domain.slice(0, dot);
    const tld = dot < 0 ? '' : domain.slice(dot + 1);
    if (TLD_TYPOS.has(tld) && COMMON.has(`${name}.com`)) fix = `${name}.com`;
  }
  if (fix === null) {
    // One edit (insert, delete, substitute, swap) away from exactly one common provider; two for long names.
    // Short providers (qq.com, 163.com, me.com …) are skipped: one edit from them is often a real domain.
    const candidates = COMMON_DOMAINS.filter(
      (c) => c.length >= 8 && damerauAtMost(domain, c, c.length >= 11 ? 2 : 1),
    );
    // Digit-only names (163/126/139/189) differ by one key from each other: never guess between them.
    if (candidates.length === 1 && !(/\d/.test(candidates[0]) && /\d/.test(domain))) fix = candidates[0];
  }
  if (typoCache.size > 100_000) typoCache.clear();
  typoCache.set(domain, fix);
  return fix;
}

/** A lower-cased, trimmed, syntax-checked address; typos of common provider domains get a suggestion. */
export function parseEmail(s: string | null | undefined): EmailResult {
  if (s == null) return { email: null, ok: false, reason: 'empty' };
  let email = s.trim().toLowerCase();
  if (!PLAIN.test(email)) {
    const text = normaliseValue(s);
    if (text === null) return { email: null, ok: false, reason: 'empty' };
    email = text.toLowerCase().replace(/[。．｡]/g, '.').replace(/^mailto:/, '');
    const angle = /<([^<>]+@[^<>]+)>/.exec(email);
    if (angle) email = angle[1];
    email = email.replace(EDGE_PUNCTUATION, ''); // "zhang@qq.com." / "zhang@qq.com；" at the end of a sentence or list
    const comma = COMMA_DOMAIN.exec(email);
    if (comma && LOCAL.test(comma[1])) {
      // a comma typed for a dot: zhang@qq,com → zhang@qq.com, suggested like any other typo
      const domain = comma[2].replace(/,/g, '.');
      if (DOMAIN.test(domain)) return { email, ok: false, suggestion: `${comma[1]}@${domainTypoFix(domain) ?? domain}`, reason: 'domain_typo' };
    }
    const parts = email.split(/[,;，；、\s/|]+/).filter((p) => p !== '');
    if (parts.length > 1 && parts.filter((p) => p.includes('@')).length > 1) {
      const first = parseEmail(parts.find((p) => p.includes('@')));
      return first.ok ? { ...first, reason: 'multiple' } : first;
    }
    email = email.replace(/\s+/g, '');
    if (!email.includes('@')) return { email, ok: false, reason: 'missing_at' };
  }
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const fix = domain.includes('@') ? null : domainTypoFix(domain);
  if (fix !== null && LOCAL.test(local)) return { email, ok: false, suggestion: `${local}@${fix}`, reason: 'domain_typo' };
  if (!LOCAL.test(local) || local.length > 64 || !DOMAIN.test(domain)) return { email, ok: false, reason: 'invalid_syntax' };
  return { email, ok: true };
}
