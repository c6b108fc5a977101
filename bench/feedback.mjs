// Throughput of comment analysis: sentiment + keywords + topics over generated feedback comments
// (Chinese, English and mixed, 10–120 characters), tokenizing each comment once. Prints comments/s and
// RSS after each batch (memory must stay flat) and peak RSS.
// Usage: npx tsc -p tsconfig.build.json && node bench/feedback.mjs [count]
import { KeywordCollector } from '../dist/feedback/keywords.js';
import { scoreTokens } from '../dist/feedback/sentiment.js';
import { tokenize } from '../dist/feedback/tokens.js';
import { assignTopics, compileTaxonomy } from '../dist/feedback/topics.js';

const total = Number(process.argv[2] ?? 200_000);
const pools = {
  zhOpen: ['', '这次', '第二次购买，', '总体来说，', '说实话，', '客服说', '收到货了，', '用了一周，'],
  zhAspect: ['物流', '快递', '包装', '质量', '做工', '客服态度', '售后', '价格', '性价比', '味道', '分量', '屏幕', 'App', '登录', '退款', '配送速度', '电池续航'],
  zhDegree: ['', '很', '非常', '有点', '太', '不太', '特别', '还算', '超级'],
  zhEval: ['好', '差', '慢', '快', '满意', '失望', '一般', '不错', '贵', '划算', '给力', '糟糕', '方便', '卡顿', '麻烦', '专业', '敷衍'],
  zhTail: ['', '！', '。', '，下次还会再来', '，不会再买了', '，希望改进', '，推荐购买', '👍', '😡', '[赞]', '，给五星好评', '，差评'],
  en: ['Delivery was fast and the packaging was great', 'Customer service never answered my emails', 'Not bad for the price',
    'The app keeps crashing after the update', 'Refund took three weeks, terrible', 'Love it! Will buy again :)',
    'Quality is ok but shipping was slow', 'Way too expensive for what you get', 'Staff were friendly and helpful',
    'I would not recommend this seller', 'works as described', 'Login page is confusing'],
};
let seed = 42;
const pick = (list) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
function comment(i) {
  const kind = i % 10;
  if (kind < 6) {
    const clauses = 1 + (i % 3);
    let text = pick(pools.zhOpen);
    for (let c = 0; c < clauses; c++) text += (c ? '，' : '') + pick(pools.zhAspect) + pick(pools.zhDegree) + pick(pools.zhEval);
    return text + pick(pools.zhTail);
  }
  if (kind < 9) return pick(pools.en) + (i % 2 ? '.' : '!');
  return pick(pools.zhAspect) + pick(pools.zhDegree) + pick(pools.zhEval) + ', but ' + pick(pools.en).toLowerCase();
}

const comments = Array.from({ length: 20_000 }, (_, i) => comment(i));
const avgChars = comments.reduce((a, c) => a + c.length, 0) / comments.length;
const taxonomy = compileTaxonomy();
const loadStart = performance.now();
scoreTokens(tokenize('预热 warm-up'));
const loadMs = performance.now() - loadStart;

const collector = new KeywordCollector({ top: 20 });
const counts = { positive: 0, neutral: 0, negative: 0 };
let topicHits = 0;
const batch = 50_000;
const started = performance.now();
const cpuStarted = process.cpuUsage();
console.log(`comments: ${total}, average ${avgChars.toFixed(1)} characters; segmenter + lexicon load ${loadMs.toFixed(0)} ms`);
console.log('done      comments/s   per CPU-s   rss MB');
for (let done = 0; done < total; ) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const end = Math.min(total, done + batch);
  for (let i = done; i < end; i++) {
    const text = comments[i % comments.length];
    const tokens = tokenize(text);
    counts[scoreTokens(tokens).label]++;
    collector.add(tokens);
    topicHits += assignTopics(text, taxonomy).length;
  }
  const rate = ((end - done) / (performance.now() - t0)) * 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuRate = (end - done) / ((cpu.user + cpu.system) / 1e6);
  done = end;
  console.log(`${String(done).padStart(8)}  ${rate.toFixed(0).padStart(11)}  ${cpuRate.toFixed(0).padStart(10)}  ${(process.memoryUsage().rss / 1048576).toFixed(0).padStart(7)}`);
}
const seconds = (performance.now() - started) / 1000;
const cpuUsed = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
const keywordStart = performance.now();
const keywords = collector.result();
const keywordMs = performance.now() - keywordStart;
console.log(`\noverall: ${(total / seconds).toFixed(0)} comments/s wall clock, ${(total / cpuSeconds).toFixed(0)} per CPU-second (target ≥ 20,000) for sentiment + keywords + topics`);
console.log(`(the two differ when other processes share the machine: load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
console.log(`keyword ranking at the end: ${keywordMs.toFixed(0)} ms; top: ${keywords.slice(0, 8).map((k) => k.term).join(', ')}`);
console.log(`labels: ${JSON.stringify(counts)}, topics per comment ${(topicHits / total).toFixed(2)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
