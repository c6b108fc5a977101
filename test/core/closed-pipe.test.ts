import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { runBin, tempDir } from '../helpers/bin.js';

const bin = resolve(import.meta.dirname, '../../bin/custops.js');
const fixture = resolve(import.meta.dirname, '../../fixtures/readers/utf8-bom.csv');

describe('output into a pipe that closes early', () => {
  it('stops quietly when the reader (head) has what it wanted', () => {
    const db = join(tempDir(), 'custops.db');
    expect(runBin(['--db', db, 'ingest', fixture, '--quiet']).code).toBe(0);
    // 50,000 rows of output, of which head takes the first two lines and closes the pipe
    const sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) SELECT i, 'row ' || i AS label FROM n";
    const command = `"${process.execPath}" "${bin}" --db "${db}" query "${sql}" --format csv | head -2; echo "exit=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', command], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stdout).toBe('i,label\n1,row 1\nexit=0\n');
    expect(result.stderr).toBe('');
  });
});
