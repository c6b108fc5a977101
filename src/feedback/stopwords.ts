// Stop words for keyword extraction: function words, pronouns, fillers and feedback boilerplate that
// carry no topic ("感觉", "东西", "this", "place"). Evaluative words stay: "慢" and "slow" are keywords.

const zh = `的 了 和 是 就 都 而 及 与 着 或 一个 没有 我们 你们 他们 她们 它们 我 你 他 她 它 自己 这 那 这个 那个 这些 那些
  这样 那样 这么 那么 这里 那里 这儿 那儿 哪里 什么 怎么 怎样 为什么 如何 哪 谁 吗 呢 吧 啊 呀 哦 哈 啦 嘛 么 呗 嗯 哎 唉
  在 有 也 还 又 再 才 更 很 太 最 非常 比较 挺 蛮 特别 真 真的 好像 可能 应该 可以 能 会 要 想 得 地 把 被 让 给 对 向
  从 到 于 以 为 因为 所以 但是 但 可是 不过 而且 并且 如果 虽然 然后 然而 还是 或者 就是 只是 只有 已经 一直 一下 一点
  一些 一样 一起 一次 一般来说 有点 有些 这次 上次 下次 每次 第一次 时候 的话 之后 之前 以后 以前 后来 现在 今天 昨天
  明天 当时 其实 确实 反正 总之 然后 还有 另外 其他 其它 等等 之类 方面 问题 情况 感觉 觉得 认为 发现 知道 看到 看 说
  去 来 做 用 买 住 吃 拿 收到 东西 地方 个人 大家 人 家 次 天 年 月 日 个 件 元 块 点 些 里 上 下 中 后 前 内 外 多 少
  不 没 别 无 非 都是 也是 就是说 不是 是不是 有没有 能不能 可不可以 而已 罢了 啦啦 哈哈 呵呵 嘿嘿 嘻嘻 评价 评论 点评
  补充 追评 宝贝 亲 卖家 买家 商品 产品 本店 店家 商家 谢谢 感谢`;

const en = `a an the and or but if then else so of to in on at by for with about as into from up down out over under
  again further once here there when where why how all any both each few more most other some such no nor not only own
  same than too very s t can will just don should now i me my myself we our ours you your yours he him his she her hers it
  its they them their what which who whom this that these those am is are was were be been being have has had having do
  does did doing would could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd
  we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
  won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's where's
  why's how's also get got go went going come came one two really much many lot lots even still back well way thing things
  place time times day days us ever every also been just like got make made said say says know think ve ll re d m`;

export const zhStopWords: ReadonlySet<string> = new Set(zh.split(/\s+/).filter(Boolean));
export const enStopWords: ReadonlySet<string> = new Set(en.split(/\s+/).filter(Boolean));

export function isStopWord(term: string, zhTerm: boolean, extra?: ReadonlySet<string>): boolean {
  if (extra?.has(term)) return true;
  return zhTerm ? zhStopWords.has(term) : enStopWords.has(term);
}
