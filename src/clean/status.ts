import { normaliseValue } from './text.js';

export type OrderStatus = 'paid' | 'pending' | 'cancelled' | 'refunded';

const WORDS: [OrderStatus, string[]][] = [
  ['refunded', ['已退款', '退款成功', '退款完成', '已退货', '退货', '退货完成', '退款', '全额退款', 'refunded', 'refund', 'returned', 'return', 'chargeback']],
  ['cancelled', ['已取消', '取消', '交易关闭', '已关闭', '关闭', '订单关闭', '交易取消', '作废', '已作废', '无效', 'cancelled', 'canceled', 'cancel', 'closed', 'void', 'voided']],
  ['pending', ['待付款', '未付款', '待支付', '未支付', '等待付款', '等待买家付款', '待确认', '处理中', 'pending', 'unpaid', 'awaiting payment', 'processing', 'on hold', 'open']],
  ['paid', [
    '已付款', '已支付', '已完成', '交易成功', '交易完成', '已发货', '待发货', '已收货', '已签收', '完成', '成功', '已成交', '成交', '已结算', '已到账', '付款成功', '支付成功',
    'paid', 'completed', 'complete', 'shipped', 'delivered', 'fulfilled', 'success', 'successful', 'settled', 'done', 'closed won', 'won',
  ]],
];
const LOOKUP = new Map<string, OrderStatus>();
for (const [status, words] of WORDS) for (const w of words) LOOKUP.set(w, status);

/**
 * paid | pending | cancelled | refunded from the status words of Chinese and English order exports
 * (已付款, 交易成功, 待付款, 交易关闭, 退款成功, Completed, Cancelled …). Empty or unknown → null; callers treat
 * an empty status as paid and report an unknown one.
 */
export function parseOrderStatus(s: string | null | undefined): OrderStatus | null {
  const n = normaliseValue(s);
  if (n === null) return null;
  const key = n.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  const direct = LOOKUP.get(key) ?? LOOKUP.get(key.replace(/ /g, ''));
  if (direct) return direct;
  // "交易成功(已评价)", "Completed - 2 items": the leading status word decides.
  const head = key.split(/[()[\]:,;/|]/)[0].trim();
  return LOOKUP.get(head) ?? null;
}
