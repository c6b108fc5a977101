import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `custops --help` and unrelated commands must not load the pinyin dictionary or the prompt
// library: both are loaded only when a dedupe run needs them. Checked on the static import graph
// (type-only imports and `await import()` are not loading at start-up).
const src = resolve(import.meta.dirname, '../../src');
const HEAVY = ['pinyin-pro', '@inquirer/prompts'];

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\b)([^'"]*?\bfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[3]);
  return out;
}

/** Packages reachable from a module through static imports, with the chain that reaches each. */
function packagesReachable(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(target)) walk(target, [...chain, target.slice(src.length + 1)]);
      } else if (!found.has(spec)) {
        found.set(spec, chain);
      }
    }
  };
  walk(entry, [entry.slice(src.length + 1)]);
  return found;
}

describe('start-up cost', () => {
  it('the dedupe command module does not import pinyin-pro or @inquirer/prompts at load', () => {
    const reachable = packagesReachable(resolve(src, 'commands/dedupe.ts'));
    for (const heavy of HEAVY) expect(reachable.get(heavy), `${heavy} via ${reachable.get(heavy)?.join(' → ')}`).toBeUndefined();
    expect(reachable.has('commander') || reachable.has('chalk')).toBe(true); // the walk does see packages
  });

  it('the matching engine loads pinyin-pro only on first use', () => {
    const reachable = packagesReachable(resolve(src, 'dedupe/apply.ts'));
    expect(reachable.get('pinyin-pro')).toBeUndefined();
    expect(reachable.has('zod')).toBe(true);
  });

  it('custops --help, which loads every command module, reaches neither package', () => {
    const commands = readdirSync(resolve(src, 'commands')).filter((f) => f.endsWith('.ts'));
    expect(commands).toContain('dedupe.ts');
    for (const file of commands) {
      const reachable = packagesReachable(resolve(src, 'commands', file));
      for (const heavy of HEAVY) expect(reachable.get(heavy), `${heavy} via ${reachable.get(heavy)?.join(' → ')}`).toBeUndefined();
    }
  });
});
