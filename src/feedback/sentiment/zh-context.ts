// What a Chinese evaluative word means where it stands: verdict or aspect, 好 and 快 that are not praise,
// product tiers, split nouns, hedged complaints, and praise framed as a claim or about another business.
import { isZhWord, type Unit, type Word } from './shared.js';
import { suffixDegreeZh, zhFunctionWords, zhNotDone, zhSkippable, zhWordValue } from './zh-words.js';

// Words that leave a clause a verdict on the whole: the reviewed thing itself, "overall", "I feel".
const zhVerdictFillers = new Set([
  '总体', '整体', '总的', '总的来说', '感觉', '觉得', '总体感觉', '整体感觉', '总的感觉', '个人', '个人感觉', '我', '我们', '还是', '都', '各方面',
  '方面', '一切', '整个', '全部', '真是', '酒店', '宾馆', '这家', '这家店', '店', '本店', '商家', '卖家', '东西', '产品', '商品', '宝贝', '这个',
  '这款', '此', '这次', '本次', '购物', '体验', '印象', '评价', '这', '次', '哈', '哈哈',
]);

export function verdictFiller(text: string): boolean {
  return zhFunctionWords.has(text) || zhVerdictFillers.has(text) || zhSkippable.has(text);
}

export const modalBeforeOpinion = new Set(['可以', '值得', '能']);
export const fastWords = new Set(['快', '很快', '太快', '超快', '飞快', '快速', '迅速', '特别快', '非常快', '挺快']);

export function followsComplaint(units: Unit[], i: number, floor: number): boolean {
  for (let j = i - 1; j >= Math.max(floor - 1, 0) && j >= i - 2; j--) {
    const token = units[j];
    if (!isZhWord(token)) return false;
    if (token.text === '得' || token.text === '的' || token.text === '也' || token.text === '都') continue;
    const value = zhWordValue(token.text);
    return value !== null && value < 0;
  }
  return false;
}

const hedgeWords = new Set(['点', '一点', '一点点', '点儿', '一点儿', '些', '一些', '了点', '了一点', '了些', '了一些', '了点儿']);

/** "A bit" after a complaint (慢了点, 小了一些) marks it as minor: satisfied customers mention such flaws. */
export function hedgeAfter(units: Unit[], k: number): number {
  const first = units[k];
  if (!isZhWord(first)) return 1;
  if (hedgeWords.has(first.text)) return 0.5;
  const second = units[k + 1];
  return first.text === '了' && isZhWord(second) && hedgeWords.has(second.text) ? 0.5 : 1;
}

// Verbs whose result complement 好 means "done" (订好的房间, 安排好了), not "good".
const resultativeVerbs = new Set([
  '预定', '预订', '订', '定', '搞', '弄', '做', '准备', '安排', '说', '讲', '谈', '约', '收拾', '打扫', '包', '包装', '放', '停',
  '联系', '处理', '商量', '写', '填', '选', '挑', '办', '装', '调', '设置', '签', '买', '穿', '戴', '接', '拿', '关', '锁',
]);

// 豪华大床房, 高级会员, 精品套餐: a product tier's name, not the customer's praise.
const tierWords = new Set(['豪华', '高级', '精品', '尊贵', '尊享', '优选', '特惠', '特价', '行政', '商务', '舒适型', '豪华型', '至尊', '贵宾', '优惠']);

export function tierName(units: Unit[], i: number): boolean {
  if (!tierWords.has((units[i] as Word).text)) return false;
  const next = units[i + 1];
  return isZhWord(next) && !zhFunctionWords.has(next.text) && !suffixDegreeZh.has(next.text) && zhWordValue(next.text) === null && !'了的啊呀吧哦啦呢'.includes(next.text);
}

// 出/差到北京: the segmenter split a neutral noun (出差 "business trip") and glued its tail to the next word.
const zhSplitNouns = new Set(['出差', '时差', '落差', '温差', '视差']);

const zhSplitNounHeads = new Set([...zhSplitNouns].map((noun) => noun[0]));

export function splitNoun(units: Unit[], i: number): boolean {
  const before = units[i - 1];
  return isZhWord(before) && zhSplitNounHeads.has(before.text[before.text.length - 1]) && zhSplitNouns.has(before.text.slice(-1) + (units[i] as Word).text[0]);
}

const kuaiEndings = new Set(['了', '啊', '的', '呀', '哦', '吧', '啦', '极了', '得', '得很', '点', '一点', '些', '多了']);

/** 快疯了, 快到了, 快要: "almost", not "fast". */
export function almostKuai(units: Unit[], i: number): boolean {
  const next = units[i + 1];
  return isZhWord(next) && !kuaiEndings.has(next.text) && !suffixDegreeZh.has(next.text);
}

const haoAfterWords = new Set(['了', '的', '啊', '呀', '吧', '哦', '啦', '嘛', '呢', '哈', '吗', '得', '评', '用', '看', '吃', '喝', '听', '玩', '闻', '在', '是', '就', '又', '也', '还', '很', '棒']);

/** 好 as praise, not 好几次 (a quantity) or 订好的 (a completed action; 没弄好 stays a complaint). */
export function praiseHao(units: Unit[], i: number, floor: number): boolean {
  const next = units[i + 1];
  if (isZhWord(next) && (next.text[0] === '几' || next.text === '些' || next.text === '一阵' || next.text === '一会')) return false;
  // 好小, 好远, 好大: "so …" before an adjective the lexicon does not know.
  if (isZhWord(next) && next.text.length === 1 && !haoAfterWords.has(next.text)) return false;
  const before = i - 1 >= floor ? units[i - 1] : undefined;
  if (!isZhWord(before) || !resultativeVerbs.has(before.text)) return true;
  const negator = i - 2 >= floor ? units[i - 2] : undefined;
  return isZhWord(negator) && zhNotDone.has(negator.text);
}

export type Frame = 'none' | 'claim' | 'thisWorse' | 'elsewhere';

// 说是正品, 号称五星: what the seller claimed is not what the customer found.
const zhClaims = new Set(['图片', '照片', '图片上', '照片上', '看图', '详情页', '页面上', '说是', '号称', '据说', '听说', '宣称', '声称', '自称', '所谓', '所谓的', '标榜', '宣传', '宣传的', '广告', '广告上', '介绍说', '标称', '标着']);
const zhOtherShop = new Set(['别家', '别处', '另一家', '隔壁', '其他家', '其它家', '人家店', '同行']);
export const zhElsewhere = new Set(['别的', '别家', '其他', '其它', '其他的', '其它的', '另外', '另一家', '别处', '隔壁', '对面']);
const zhShopNouns = new Set([
  '酒店', '宾馆', '店', '店铺', '家', '商家', '卖家', '客栈', '饭店', '餐厅', '地方', '品牌', '牌子', '平台', '快递', '外卖', '机构', '课程',
  '网店', '银行', '医院', '学校', '手机', '产品',
]);
const zhThis = new Set(['这', '这个', '这家', '这里', '这儿', '它', '他家', '该店', '本店', '这款', '这次', '此', '该酒店', '这酒店', '这家店']);

/**
 * What the evaluative words that follow in the clause are about: a claim (说是正品), another business
 * compared with this one (别家比这家好 / 有很多酒店比这个好), or this one compared favourably (比别家好).
 */
export function frameAt(units: Unit[], i: number, current: Frame): Frame {
  const text = (units[i] as Word).text;
  if (zhClaims.has(text) && !ownPhoto(units, i)) return 'claim';
  if (text === '说' && isZhWord(units[i + 1]) && (units[i + 1] as Word).text === '是') return 'claim';
  if (text === '比') {
    const next = units[i + 1];
    if (isZhWord(next) && zhThis.has(next.text)) return 'thisWorse';
    return 'none';
  }
  if (isZhWord(units[i - 1]) && (units[i - 1] as Word).text === '比') return current;
  if (zhOtherShop.has(text)) return 'elsewhere';
  const next = units[i + 1];
  if (zhElsewhere.has(text) && isZhWord(next) && zhShopNouns.has(next.text)) return 'elsewhere';
  return current;
}

const zhPhotoWords = new Set(['照片', '图片', '照片上', '图片上']);
const zhCameras = new Set(['相机', '手机', '镜头', '摄像头', '单反', '微单']);

/** 拍出来的照片, 手机拍的照片: photos the customer took, not the seller's pictures. */
function ownPhoto(units: Unit[], i: number): boolean {
  if (!zhPhotoWords.has((units[i] as Word).text)) return false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const token = units[j];
    if (!isZhWord(token)) return false;
    if (token.text[0] === '拍' || zhCameras.has(token.text)) return true;
  }
  return false;
}

export function reframe(frame: Frame, value: number): number {
  if (frame === 'claim') return value > 0 ? 0 : value;
  if (frame === 'thisWorse') return -value * 0.8;
  return value > 0 ? -value * 0.5 : value; // praise of another business
}
