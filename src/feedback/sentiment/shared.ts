// Types and small helpers shared by the sentiment modules (scoring core, Chinese and English rules).
import type { Token } from '../tokens.js';

export type Word = Extract<Token, { kind: 'word' }>;
export type Unit = Word | Extract<Token, { kind: 'emoticon' }>;

export interface Match {
  value: number;
  length: number;
}

export const EN_NEGATION = 0.74;
export const NEGATED_NEGATIVE = 0.5; // 不差, not terrible: mildly positive

export function isZhWord(token: Unit | undefined): token is Word {
  return token !== undefined && token.kind === 'word' && token.zh;
}

export function surface(units: Unit[], from: number, length: number): string {
  const parts: string[] = [];
  for (let k = from; k < from + length && k < units.length; k++) parts.push(units[k].text);
  const zh = units[from].kind === 'word' && (units[from] as Word).zh;
  return parts.join(zh ? '' : ' ');
}

export function signed(value: number): string {
  return `(${value > 0 ? '+' : ''}${value.toFixed(1)})`;
}

export function isEnWord(token: Unit | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'word' && !token.zh && token.text === text;
}
