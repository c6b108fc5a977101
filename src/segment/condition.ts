import { InputError } from '../errors.js';

/**
 * A small, safe condition language for tier rules in custops.yaml, e.g.
 *   annual_revenue >= 500万 and years >= 3
 *   spend_12m >= 20000 or (orders >= 10 and province == "广东")
 * Comparisons: >= > <= < == (or =) != (or <>), also ≥ ≤. Logic: and / or / not, && / || / !,
 * parentheses, true / false. Numbers may use _ or , as thousands separators and a 万 (10^4) or
 * 亿 (10^8) suffix. Strings in "double" or 'single' quotes. A comparison with a missing (null)
 * value is false. Parsed once into a closure: nothing is ever evaluated as code.
 */
export type FieldValue = number | string | null | undefined;
export type Condition = (values: Readonly<Record<string, FieldValue>>) => boolean;

type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'id'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

type Node =
  | { t: 'bool'; value: boolean }
  | { t: 'num'; value: number }
  | { t: 'str'; value: string }
  | { t: 'field'; name: string }
  | { t: 'cmp'; op: string; left: Node; right: Node }
  | { t: 'and' | 'or'; left: Node; right: Node }
  | { t: 'not'; operand: Node };

const OPS = ['>=', '<=', '==', '!=', '<>', '&&', '||', '≥', '≤', '>', '<', '=', '!', '(', ')'];
const WORD_OPS = new Set(['and', 'or', 'not', 'true', 'false']);

function tokenize(text: string, fail: (msg: string, pos: number) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const numMatch = /^(\d[\d_,]*(?:\.\d+)?)(万|亿)?/.exec(text.slice(i));
    if (numMatch) {
      const digits = numMatch[1].replace(/[_,]/g, '');
      const scale = numMatch[2] === '万' ? 1e4 : numMatch[2] === '亿' ? 1e8 : 1;
      tokens.push({ kind: 'num', value: Number(digits) * scale, pos: i });
      i += numMatch[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) fail('unterminated string', i);
      tokens.push({ kind: 'str', value: text.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    const idMatch = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*/.exec(text.slice(i));
    if (idMatch) {
      const word = idMatch[0];
      const lower = word.toLowerCase();
      tokens.push(WORD_OPS.has(lower) ? { kind: 'op', value: lower, pos: i } : { kind: 'id', value: word, pos: i });
      i += word.length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) fail(`unexpected ${JSON.stringify(ch)}`, i);
    tokens.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

const CMP: Record<string, string> = { '>=': '>=', '≥': '>=', '<=': '<=', '≤': '<=', '>': '>', '<': '<', '==': '==', '=': '==', '!=': '!=', '<>': '!=' };

function parse(text: string, fields: ReadonlySet<string> | undefined): Node {
  const fail = (msg: string, pos: number): never => {
    throw InputError.of('condition.invalid', { text: JSON.stringify(text), column: pos + 1, reason: msg });
  };
  const tokens = tokenize(text, fail);
  let k = 0;
  const peek = (): Token => tokens[k];
  const isOp = (...values: string[]): boolean => {
    const t = peek();
    return t.kind === 'op' && values.includes(t.value);
  };
  const describe = (t: Token): string => (t.kind === 'end' ? 'end of condition' : JSON.stringify(String(t.value)));

  const orExpr = (): Node => {
    let left = andExpr();
    while (isOp('or', '||')) {
      k++;
      left = { t: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Node => {
    let left = notExpr();
    while (isOp('and', '&&')) {
      k++;
      left = { t: 'and', left, right: notExpr() };
    }
    return left;
  };
  const notExpr = (): Node => {
    if (isOp('not', '!')) {
      k++;
      return { t: 'not', operand: notExpr() };
    }
    return comparison();
  };
  const comparison = (): Node => {
    const left = primary();
    const t = peek();
    if (t.kind === 'op' && CMP[t.value]) {
      k++;
      const right = primary();
      if (left.t === 'bool' || right.t === 'bool' || left.t === 'cmp' || right.t === 'cmp') fail('cannot compare a condition', t.pos);
      return { t: 'cmp', op: CMP[t.value], left, right };
    }
    return left;
  };
  const primary = (): Node => {
    const t = peek();
    k++;
    if (t.kind === 'num') return { t: 'num', value: t.value };
    if (t.kind === 'str') return { t: 'str', value: t.value };
    if (t.kind === 'id') {
      if (fields && !fields.has(t.value)) fail(`unknown field ${t.value}; known fields: ${[...fields].join(', ')}`, t.pos);
      return { t: 'field', name: t.value };
    }
    if (t.kind === 'op' && (t.value === 'true' || t.value === 'false')) return { t: 'bool', value: t.value === 'true' };
    if (t.kind === 'op' && t.value === '(') {
      const inner = orExpr();
      if (!isOp(')')) fail(`expected ) but found ${describe(peek())}`, peek().pos);
      k++;
      return inner;
    }
    return fail(`expected a field, number or string but found ${describe(t)}`, t.pos);
  };

  const tree = orExpr();
  if (peek().kind !== 'end') fail(`unexpected ${describe(peek())}`, peek().pos);
  checkBoolean(tree, fail);
  return tree;
}

function checkBoolean(node: Node, fail: (msg: string, pos: number) => never): void {
  switch (node.t) {
    case 'and':
    case 'or':
      checkBoolean(node.left, fail);
      checkBoolean(node.right, fail);
      return;
    case 'not':
      checkBoolean(node.operand, fail);
      return;
    case 'cmp':
    case 'bool':
      return;
    default:
      fail('a value on its own is not a condition; compare it, e.g. "spend >= 1000"', 0);
  }
}

function evaluate(node: Node, values: Readonly<Record<string, FieldValue>>): FieldValue | boolean {
  switch (node.t) {
    case 'bool':
    case 'num':
    case 'str':
      return node.value;
    case 'field':
      return values[node.name];
    case 'not':
      return !evaluate(node.operand, values);
    case 'and':
      return Boolean(evaluate(node.left, values)) && Boolean(evaluate(node.right, values));
    case 'or':
      return Boolean(evaluate(node.left, values)) || Boolean(evaluate(node.right, values));
    case 'cmp': {
      const a = evaluate(node.left, values);
      const b = evaluate(node.right, values);
      if (a === null || a === undefined || b === null || b === undefined) return false;
      const bothNumbers = typeof a === 'number' && typeof b === 'number';
      const x = bothNumbers ? a : String(a);
      const y = bothNumbers ? b : String(b);
      switch (node.op) {
        case '>=': return x >= y;
        case '<=': return x <= y;
        case '>': return x > y;
        case '<': return x < y;
        case '==': return x === y;
        default: return x !== y;
      }
    }
  }
}

/** Parses a condition (throws InputError naming the column) and returns its evaluator. */
export function compileCondition(text: string, fields?: Iterable<string>): Condition {
  const tree = parse(text, fields ? new Set(fields) : undefined);
  return (values) => Boolean(evaluate(tree, values));
}

/** The fields a condition reads (for deciding which metrics to compute). */
export function conditionFields(text: string): string[] {
  const names = new Set<string>();
  const walk = (n: Node): void => {
    if (n.t === 'field') names.add(n.name);
    else if (n.t === 'cmp' || n.t === 'and' || n.t === 'or') {
      walk(n.left);
      walk(n.right);
    } else if (n.t === 'not') walk(n.operand);
  };
  walk(parse(text, undefined));
  return [...names];
}
