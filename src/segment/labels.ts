import type { Lang } from '../output/i18n.js';

/** A label or action in both interface languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface SegmentInfo {
  label: Bilingual;
  action: Bilingual;
}

/** The eleven named RFM segments (R×F map plus Lost) and R's rfm "Others". */
export const RFM_SEGMENTS: Record<string, SegmentInfo> = {
  champions: {
    label: { zh: '冠军客户', en: 'Champions' },
    action: { zh: '给予专属回馈，邀请试用新品和口碑推荐', en: 'Reward them; invite them to try new products and refer others' },
  },
  loyal: {
    label: { zh: '忠诚客户', en: 'Loyal' },
    action: { zh: '推荐更高价值的产品，邀请评价，保持互动', en: 'Upsell higher-value products, ask for reviews, keep them engaged' },
  },
  potential_loyalist: {
    label: { zh: '潜力忠诚客户', en: 'Potential Loyalist' },
    action: { zh: '邀请加入会员计划，推荐关联产品', en: 'Offer membership or a loyalty programme, recommend related products' },
  },
  new: {
    label: { zh: '新客户', en: 'New' },
    action: { zh: '做好新客引导，尽快促成第二次购买', en: 'Onboard them well and earn the second purchase early' },
  },
  promising: {
    label: { zh: '有潜力客户', en: 'Promising' },
    action: { zh: '加深品牌认知，提供试用或首单后优惠', en: 'Build brand awareness; offer trials or a follow-up discount' },
  },
  need_attention: {
    label: { zh: '需要关注客户', en: 'Need Attention' },
    action: { zh: '限时优惠，按历史购买做个性化推荐', en: 'Limited-time offers and recommendations based on past purchases' },
  },
  about_to_sleep: {
    label: { zh: '即将沉睡客户', en: 'About to Sleep' },
    action: { zh: '推送热门产品和优惠，重新建立联系', en: 'Share popular products and discounts to reconnect' },
  },
  at_risk: {
    label: { zh: '流失风险客户', en: 'At Risk' },
    action: { zh: '个性化触达挽回，提供续约或回购优惠', en: 'Reach out personally; offer renewals or win-back deals' },
  },
  cant_lose: {
    label: { zh: '不能失去的客户', en: "Can't Lose Them" },
    action: { zh: '专人电话回访，了解原因并用新品或续约赢回', en: 'Call them personally, learn why, win them back with new products or renewals' },
  },
  hibernating: {
    label: { zh: '休眠客户', en: 'Hibernating' },
    action: { zh: '推荐相关产品和专属折扣，重建品牌价值', en: 'Offer relevant products and special discounts; rebuild brand value' },
  },
  lost: {
    label: { zh: '已流失客户', en: 'Lost' },
    action: { zh: '低成本召回活动，无回应则不再投入', en: 'Try a low-cost reactivation campaign; otherwise stop spending on them' },
  },
  others: {
    label: { zh: '其他', en: 'Others' },
    action: { zh: '观察，暂无针对性动作', en: 'Monitor; no specific action' },
  },
};

/**
 * The Chinese eight-type RFM model: 重要 (important) = monetary above average; 价值/发展/保持/挽留
 * from recency (recent = fewer days than average) × frequency (above average).
 */
export const EIGHT_TYPES: Record<string, SegmentInfo> = {
  important_value: {
    label: { zh: '重要价值客户', en: 'Important value' },
    action: { zh: '重点维护，提供VIP专属服务', en: 'Keep them close: dedicated VIP service' },
  },
  important_develop: {
    label: { zh: '重要发展客户', en: 'Important to develop' },
    action: { zh: '提高购买频次：会员权益、交叉销售', en: 'Raise purchase frequency: membership benefits, cross-selling' },
  },
  important_keep: {
    label: { zh: '重要保持客户', en: 'Important to keep' },
    action: { zh: '近期未购买，主动联系唤回', en: 'Not bought recently: reach out and bring them back' },
  },
  important_retain: {
    label: { zh: '重要挽留客户', en: 'Important to retain' },
    action: { zh: '高价值但即将流失，重点挽回', en: 'High value but slipping away: prioritise win-back' },
  },
  general_value: {
    label: { zh: '一般价值客户', en: 'General value' },
    action: { zh: '提升客单价：套餐、满减', en: 'Raise order value: bundles, spend-more offers' },
  },
  general_develop: {
    label: { zh: '一般发展客户', en: 'General to develop' },
    action: { zh: '新客或低频客户，持续培育', en: 'New or infrequent: nurture them' },
  },
  general_keep: {
    label: { zh: '一般保持客户', en: 'General to keep' },
    action: { zh: '促销活动唤醒', en: 'Wake them up with promotions' },
  },
  general_retain: {
    label: { zh: '一般挽留客户', en: 'General to retain' },
    action: { zh: '低成本维护，必要时放弃', en: 'Low-cost upkeep, or let go' },
  },
};

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export const STAGE_LABELS: Record<string, Bilingual> = {
  new: { zh: '新客户', en: 'New' },
  active: { zh: '活跃客户', en: 'Active' },
  sleeping: { zh: '沉睡客户', en: 'Sleeping' },
  churned: { zh: '流失客户', en: 'Churned' },
};

/** Rank for up/downgrades between lifecycle snapshots: new and active are equally good. */
export const STAGE_RANK: Record<string, number> = { new: 0, active: 0, sleeping: 1, churned: 2 };

export const QUADRANT_LABELS: Record<string, Bilingual> = {
  high_value: { zh: '高价值客户', en: 'High value' },
  growing: { zh: '成长型客户', en: 'Growing' },
  at_risk: { zh: '风险客户', en: 'At risk' },
  potential: { zh: '潜在价值客户', en: 'Potential value' },
};

/** Label of an RFM segment key: a custom rule's own label, a built-in one, or the key itself. */
export function segmentLabel(key: string, lang: Lang, custom?: { name: string; label?: Bilingual }[]): string {
  const rule = custom?.find((r) => r.name === key && r.label);
  if (rule?.label) return rule.label[lang];
  return RFM_SEGMENTS[key]?.label[lang] ?? key;
}

export function segmentAction(key: string, lang: Lang, custom?: { name: string; action?: Bilingual }[]): string {
  const rule = custom?.find((r) => r.name === key && r.action);
  if (rule?.action) return rule.action[lang];
  return RFM_SEGMENTS[key]?.action[lang] ?? '';
}
