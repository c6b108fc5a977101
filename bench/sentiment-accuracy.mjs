// Sentiment accuracy on real labelled review corpora (read in place, never copied into the project).
// A neutral answer on a labelled positive/negative review counts as wrong.
// Usage: npx tsc -p tsconfig.build.json && node bench/sentiment-accuracy.mjs [--errors N] [--segmenter intl]
//   --segmenter intl measures the Intl.Segmenter fallback (the path where @node-rs/jieba cannot load).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyseSentiment } from '../dist/feedback/sentiment.js';
import { createIntlSegmenter, segmenter, useSegmenter } from '../dist/feedback/segment.js';

if (process.argv.includes('--segmenter') && process.argv[process.argv.indexOf('--segmenter') + 1] === 'intl') useSegmenter(createIntlSegmenter());
console.log(`segmenter: ${segmenter().name}`);

const dataDir = join(process.env.CUSTOPS_DATA ?? '../shared/data', 'sentiment');
const errorsArg = process.argv.indexOf('--errors');
const showErrors = errorsArg > 0 ? Number(process.argv[errorsArg + 1] ?? 20) : 0;

function loadChinese() {
  const rows = parse(readFileSync(join(dataDir, 'ChnSentiCorp_htl_all.csv'), 'utf8'), { columns: true, skip_empty_lines: true });
  return rows.filter((r) => r.review && r.review.trim()).map((r) => ({ text: r.review, gold: r.label === '1' ? 'positive' : 'negative' }));
}

function loadEnglish() {
  return readFileSync(join(dataDir, 'yelp_labelled.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.lastIndexOf('\t');
      return { text: line.slice(0, tab), gold: line.slice(tab + 1).trim() === '1' ? 'positive' : 'negative' };
    });
}

function evaluate(name, rows) {
  const matrix = { positive: { positive: 0, neutral: 0, negative: 0 }, negative: { positive: 0, neutral: 0, negative: 0 } };
  const errors = [];
  const started = performance.now();
  for (const row of rows) {
    const result = analyseSentiment(row.text);
    matrix[row.gold][result.label]++;
    if (result.label !== row.gold && errors.filter((e) => e.gold === row.gold && e.result.label === result.label).length < showErrors) {
      errors.push({ ...row, result });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const correct = matrix.positive.positive + matrix.negative.negative;
  const neutral = matrix.positive.neutral + matrix.negative.neutral;
  console.log(`\n${name}: ${rows.length} reviews, ${(rows.length / seconds).toFixed(0)} reviews/s`);
  console.log('gold \\ predicted   positive   neutral  negative');
  for (const gold of ['positive', 'negative']) {
    const m = matrix[gold];
    console.log(`${gold.padEnd(18)}${String(m.positive).padStart(9)}${String(m.neutral).padStart(10)}${String(m.negative).padStart(10)}`);
  }
  console.log(`accuracy (neutral = wrong): ${((100 * correct) / rows.length).toFixed(2)}%`);
  console.log(`accuracy on non-neutral answers: ${((100 * correct) / (rows.length - neutral)).toFixed(2)}%  (neutral answers: ${neutral})`);
  const posRecall = matrix.positive.positive / (matrix.positive.positive + matrix.positive.neutral + matrix.positive.negative);
  const negRecall = matrix.negative.negative / (matrix.negative.positive + matrix.negative.neutral + matrix.negative.negative);
  console.log(`recall positive ${(100 * posRecall).toFixed(1)}%, negative ${(100 * negRecall).toFixed(1)}%, balanced ${(50 * (posRecall + negRecall)).toFixed(2)}%`);
  if (showErrors > 0) {
    for (const e of errors) {
      const explained = analyseSentiment(e.text, { explain: true });
      console.error(`[${e.gold} → ${e.result.label} ${e.result.score}] ${e.text.slice(0, 160)}\n    ${explained.reasons.join(' ')}`);
    }
  }
  return correct / rows.length;
}

const zh = evaluate('Chinese (ChnSentiCorp hotel reviews)', loadChinese());
const en = evaluate('English (Yelp review sentences)', loadEnglish());
console.log(`\nsummary: zh ${(100 * zh).toFixed(2)}% (target ≥ 88%), en ${(100 * en).toFixed(2)}% (target ≥ 82%), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
