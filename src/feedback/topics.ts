import { isStopWord } from './stopwords.js';
import { normaliseText, tokenize, type Token } from './tokens.js';

// Topic assignment by keyword rules. Chinese keywords match as substrings (Chinese has no spaces); English
// keywords match whole words, case-insensitively, so "app" does not fire inside "happy". A comment can
// have several topics. Traditional Chinese and full-width text are normalised first.

export interface TopicRule {
  id: string;
  zh: string;
  en: string;
  keywords: string[];
}

export interface Taxonomy {
  readonly topics: readonly TopicRule[];
  readonly matchers: ReadonlyArray<{ id: string; pattern: RegExp }>;
}

export const defaultTopics: TopicRule[] = [
  {
    id: 'logistics', zh: '物流/配送', en: 'Delivery & logistics',
    keywords: `物流 快递 配送 送货 发货 到货 收货 派送 运输 运费 包邮 快递员 快递小哥 小哥 骑手 送餐 外卖 送达 签收 顺丰 圆通 中通
      申通 韵达 邮政 ems 丢件 慢递 配送员 送货员 物流信息 催单 没送到 送错 delivery delivered shipping shipped shipment courier
      arrived arrival tracking dispatch dispatched parcel driver rider late-delivery postage`.split(/\s+/),
  },
  {
    id: 'quality', zh: '产品质量', en: 'Product quality',
    keywords: `质量 品质 做工 材质 面料 用料 耐用 结实 瑕疵 次品 劣质 正品 假货 故障 毛病 色差 掉色 起球 开线 变形 异响 坏了
      坏掉 失灵 不好用 好用 效果 手感 尺码 偏大 偏小 不合身 quality defective broken durable material fabric build faulty
      fake counterfeit flimsy sturdy stopped-working malfunction cheaply-made well-made`.split(/\s+/),
  },
  {
    id: 'price', zh: '价格', en: 'Price & value',
    keywords: `价格 价钱 价位 便宜 太贵 很贵 偏贵 贵了 性价比 划算 实惠 优惠 折扣 降价 涨价 不值 值这个价 收费 费用 物美价廉
      price prices pricing pricey expensive cheap overpriced value discount fee fees cost costly worth affordable`.split(/\s+/),
  },
  {
    id: 'service', zh: '服务态度', en: 'Service & staff',
    keywords: `服务 态度 客服 服务员 前台 店员 工作人员 导购 热情 耐心 礼貌 冷漠 不理 爱理不理 回复 响应 专业 周到 敷衍 态度差
      service staff waiter waitress server servers rude friendly helpful attentive support agent manager employee
      employees courteous unhelpful`.split(/\s+/),
  },
  {
    id: 'after_sales', zh: '售后', en: 'After-sales',
    keywords: `售后 退货 退款 换货 维修 保修 退换 质保 补发 赔偿 理赔 三包 返修 退钱 refund refunded return returned returns
      exchange warranty repair replacement compensation rma`.split(/\s+/),
  },
  {
    id: 'feature_request', zh: '功能需求', en: 'Feature requests',
    keywords: `功能 希望增加 建议增加 希望能 希望可以 能不能 可不可以 要是能 如果能 增加一个 新功能 希望支持 建议 feature
      features please-add would-be-nice wish suggestion suggest request`.split(/\s+/),
  },
  {
    id: 'packaging', zh: '包装', en: 'Packaging',
    keywords: `包装 盒子 外包装 箱子 纸箱 袋子 包裹 泡沫 气泡膜 封口 压坏 压扁 漏了 packaging package packaged box boxes
      wrapped wrapping packed`.split(/\s+/),
  },
  {
    id: 'account_payment', zh: '账户/支付', en: 'Account & payment',
    keywords: `账户 账号 登录 登陆 注册 密码 支付 付款 扣款 扣费 发票 会员 积分 优惠券 绑定 验证码 充值 余额 信用卡 花呗 微信支付
      支付宝 account login log-in sign-in signin password payment pay paid billing bill invoice membership coupon
      card charged charge subscription`.split(/\s+/),
  },
  {
    id: 'usability', zh: '使用体验', en: 'App & usability',
    keywords: `卡顿 闪退 界面 操作 系统 软件 更新 bug 加载 死机 黑屏 app 应用 页面 流畅 好上手 难用 app apps crash crashes
      crashed interface ui ux usability loading freeze freezes laggy slow-to-load update website site`.split(/\s+/),
  },
  {
    id: 'environment', zh: '环境/卫生', en: 'Environment & cleanliness',
    keywords: `环境 卫生 干净 脏 噪音 吵 隔音 异味 装修 设施 房间 整洁 霉味 蚊子 蟑螂 clean cleanliness dirty noisy noise
      smell smelly room rooms facilities atmosphere ambiance ambience decor`.split(/\s+/),
  },
  {
    id: 'food', zh: '口味/餐饮', en: 'Food & taste',
    keywords: `味道 口味 口感 好吃 难吃 分量 菜品 饭菜 早餐 餐厅 新鲜 咸 油腻 食材 taste tasty flavor flavour food portion
      portions menu dish dishes meal breakfast lunch dinner fresh bland delicious`.split(/\s+/),
  },
  {
    id: 'location', zh: '位置/交通', en: 'Location',
    keywords: `位置 地段 交通 地铁 停车 附近 周边 好找 难找 偏僻 location located parking nearby neighborhood`.split(/\s+/),
  },
];

/** Compiles topic rules into one matcher per topic. */
export function compileTaxonomy(topics: readonly TopicRule[] = defaultTopics): Taxonomy {
  const matchers = topics.map((topic) => {
    const zh: string[] = [];
    const en: string[] = [];
    for (const raw of topic.keywords) {
      const keyword = normaliseText(raw.trim()).toLowerCase().replace(/-/g, ' ');
      if (!keyword) continue;
      if (/[\u3400-\u9fff]/.test(keyword)) zh.push(escape(keyword));
      else en.push(escape(keyword).replace(/ /g, '[\\s-]+'));
    }
    const parts: string[] = [];
    if (zh.length > 0) parts.push(`(?:${zh.join('|')})`);
    if (en.length > 0) parts.push(`(?<![a-z0-9])(?:${en.join('|')})(?![a-z0-9])`);
    return { id: topic.id, pattern: new RegExp(parts.length > 0 ? parts.join('|') : '(?!)', 'u') };
  });
  return { topics, matchers };
}

let defaultTaxonomy: Taxonomy | undefined;

/** Topic ids a comment talks about, in taxonomy order (empty when none applies). */
export function assignTopics(text: string, taxonomy: Taxonomy = (defaultTaxonomy ??= compileTaxonomy())): string[] {
  const normalised = normaliseText(text).toLowerCase();
  const out: string[] = [];
  for (const { id, pattern } of taxonomy.matchers) if (pattern.test(normalised)) out.push(id);
  return out;
}

export interface TopicSuggestion {
  phrase: string;
  count: number;
  examples: string[];
}

/**
 * Candidate new topics: the words and adjacent word pairs that recur across comments no topic matched,
 * most frequent first (stop words and lone characters left out).
 */
export function suggestTopics(unassignedTexts: string[], options: { top?: number; minCount?: number } = {}): TopicSuggestion[] {
  const top = options.top ?? 10;
  const minCount = options.minCount ?? 3;
  const seen = new Map<string, { count: number; examples: string[] }>();
  for (const text of unassignedTexts) {
    if (!text || !text.trim()) continue;
    const inText = new Set<string>();
    for (const term of candidateTerms(tokenize(text))) inText.add(term);
    for (const term of inText) {
      const entry = seen.get(term) ?? { count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < 3) entry.examples.push(text.length > 60 ? `${text.slice(0, 60)}…` : text);
      seen.set(term, entry);
    }
  }
  const ranked = [...seen]
    .filter(([, e]) => e.count >= minCount)
    .map(([phrase, e]) => ({ phrase, count: e.count, examples: e.examples }))
    // Prefer phrases over their parts when they are as frequent: longer first among equal counts.
    .sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length || a.phrase.localeCompare(b.phrase));
  const chosen: TopicSuggestion[] = [];
  for (const candidate of ranked) {
    if (chosen.some((c) => c.count === candidate.count && c.phrase.includes(candidate.phrase))) continue;
    chosen.push(candidate);
    if (chosen.length >= top) break;
  }
  return chosen;
}

function candidateTerms(tokens: Token[]): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  let previousZh = false;
  for (const token of tokens) {
    if (token.kind !== 'word' || isStopWord(token.text, token.zh) || (token.zh ? token.text.length < 2 : token.text.length < 3)) {
      previous = undefined;
      continue;
    }
    out.push(token.text);
    if (previous) out.push(previousZh && token.zh ? previous + token.text : `${previous} ${token.text}`);
    previous = token.text;
    previousZh = token.zh;
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
