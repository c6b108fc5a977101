/**
 * A cell as an export wrote it, ready to map: trimmed, and unwrapped from the ="…" formula that
 * Taobao, JD and many CRM exports write around long numbers (order numbers, ID numbers, phones)
 * so that Excel keeps them as text instead of 2.84512E+12.
 */
export function cellValue(cell: string | undefined): string {
  const t = (cell ?? '').trim();
  if (t.length < 3 || t.charCodeAt(0) !== 61 /* = */ || t.charCodeAt(1) !== 34 /* " */ || !t.endsWith('"')) return t;
  const inner = t.slice(2, -1);
  // a real formula ("=A1&B1", "="a"&"b"") is left alone: only one quoted literal is unwrapped
  return /^(?:[^"]|"")*$/.test(inner) ? inner.replace(/""/g, '"').trim() : t;
}
