import { existsSync, readFileSync } from 'node:fs';
import { parseDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import { InputError } from './errors.js';
import * as ingest from './ingest/config.js';
import * as clean from './clean/config.js';
import * as dedupe from './dedupe/config.js';
import * as segment from './segment/config.js';
import * as feedback from './feedback/config.js';
import * as rules from './rules/config.js';
import * as service from './service/config.js';
import * as report from './report/config.js';

/**
 * custops.yaml: one section per stage, each owned by its stage folder (src/<stage>/config.ts)
 * with its defaults and its commented YAML. A missing file means all defaults.
 */
const sections = {
  ingest,
  clean,
  dedupe,
  segment,
  feedback,
  rules,
  service,
  report,
};

const configSchema = z
  .object(Object.fromEntries(Object.entries(sections).map(([name, s]) => [name, s.section])) as {
    [K in keyof typeof sections]: (typeof sections)[K]['section'];
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export function defaultConfig(): Config {
  return configSchema.parse({});
}

export function defaultConfigYaml(): string {
  const header = `# custops.yaml — custops 配置 / configuration
# 每个阈值都有默认值；删除某一项即恢复默认。 Every threshold has a default; delete a line to get it back.
# 校验：custops 启动时检查本文件，错误会指出行号。 custops validates this file and names the line of any error.

`;
  return header + Object.values(sections).map((s) => s.yamlDoc.trimEnd()).join('\n\n') + '\n';
}

export function loadConfig(path: string, options: { mustExist?: boolean } = {}): Config {
  if (!existsSync(path)) {
    if (options.mustExist) throw InputError.of('config.missing', { path });
    return defaultConfig();
  }
  return parseConfig(readFileSync(path, 'utf8'), path);
}

export function parseConfig(text: string, path = 'custops.yaml'): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw InputError.of('config.yaml', { path, line, col, reason: e.message.split('\n')[0] });
  }
  const result = configSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const node = doc.getIn(issue.path, true) as { range?: [number, number] } | undefined;
    const where = node?.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
    const key = issue.path.join('.') || '(top level)';
    throw InputError.of('config.invalid', { path, where, key, reason: issue.message });
  }
  return result.data;
}
