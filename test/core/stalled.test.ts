import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// A command whose event loop runs dry before it finishes (a reader waiting for bytes that never come)
// must fail with exit 1 and one line, not let Node exit 0 in silence.
const cli = resolve(import.meta.dirname, '../../dist/cli.js');

function run(lang: string, action: string): { code: number | null; stderr: string } {
  const script = `
    import { main } from ${JSON.stringify(cli)};
    const hang = { register(program) { program.command('hang').action(() => ${action}); } };
    main(['node', 'custops', 'hang', '--lang', ${JSON.stringify(lang)}], async () => [hang]).then((code) => { process.exitCode = code; });
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', input: '' });
  return { code: result.status, stderr: result.stderr };
}

describe('stalled command guard', () => {
  it('fails with exit 1 and says the store is unchanged when the command can never finish', () => {
    const { code, stderr } = run('en', 'new Promise(() => {})');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('the command stopped before finishing');
    expect(stderr).toContain('the store is unchanged');
  });

  it('says it in Chinese too', () => {
    const { code, stderr } = run('zh', 'new Promise(() => {})');
    expect(code).toBe(1);
    expect(stderr).toContain('命令未能完成');
  });

  it('stays out of the way of a command that finishes after waiting', () => {
    const { code, stderr } = run('en', 'new Promise((done) => setTimeout(done, 50))');
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
