import { describe, expect, it } from 'vitest';
import { analyseSentiment } from '../../src/feedback/sentiment.js';

// A small cross-domain sanity set written for custops (not taken from any corpus): e-commerce products,
// takeaway food, movies, apps, banking and logistics, balanced positive/negative, so that sentiment
// changes are not judged on hotel reviews alone. A neutral answer counts as wrong, as in the bench.
const positive = [
  // products
  '耳机音质很好，低音浑厚，佩戴也舒服，这个价位很值。',
  '衣服质量不错，面料柔软，尺码标准，穿上很显瘦。',
  '包装很用心，东西完好无损，和图片一模一样，五星好评。',
  '用了一个月才来评价，电池很耐用，充电也快，推荐购买。',
  '虽然价格比别家贵一点，但是做工精细，用着放心。',
  '第二次回购了，孩子很喜欢，还会再买。',
  // takeaway
  '送餐很准时，饭菜还是热的，味道很正宗。',
  '分量足，口味好，小哥态度也好，下次还点这家。',
  '炸鸡外酥里嫩，一点都不油腻，好吃！',
  '汤有点少，不过整体味道不错，性价比挺高的。',
  '商家还送了饮料，菜品新鲜，吃得很满意。',
  '这家的米线一直很稳定，从来没让我失望过。',
  // movies
  '剧情紧凑，演员演技在线，看完意犹未尽。',
  '特效震撼，配乐也很棒，值得去电影院看。',
  '前半段有点慢热，但结局非常感人，强烈推荐。',
  '笑点密集，全场都在笑，很久没看到这么好看的喜剧了。',
  '画面很美，故事温暖，适合全家一起看。',
  '导演讲故事的功力很深，细节经得起推敲。',
  // apps
  '更新之后流畅多了，再也没有闪退，界面也清爽。',
  '这个软件操作简单，功能齐全，老人也会用。',
  '客服回复很及时，问题十分钟就解决了，点赞。',
  '记账功能很实用，同步也稳定，用了三年了。',
  '广告很少，加载速度快，体验很好。',
  '没想到免费版也这么好用，比之前用的强多了。',
  // banking
  '柜员业务熟练，办理很快，全程耐心讲解。',
  '手机银行转账到账迅速，手续费也合理。',
  '信用卡额度提升很顺利，客户经理服务周到。',
  '网点环境干净，等候时间不长，服务态度很好。',
  '理财经理很专业，没有一味推销，建议很中肯。',
  '挂失补卡流程简单，当天就办好了，很方便。',
  // logistics
  '快递第二天就到了，包装完好，快递员很客气。',
  '物流速度超快，还送货上门，给力。',
  '大件家具送到楼上还帮忙安装，师傅非常负责。',
  '查件信息更新及时，比预计早到一天，满意。',
  '冷链运输做得好，水果到手还很新鲜。',
  '虽然下雨，快递小哥还是准时送到，辛苦了，谢谢！',
];

const negative = [
  // products
  '收到就是坏的，屏幕有划痕，申请退货也没人理。',
  '质量太差了，穿了一次就起球，不推荐。',
  '和描述严重不符，颜色差很多，感觉被骗了。',
  '用了三天就充不进电，客服一直推脱，再也不买了。',
  '虽然外观好看，但是噪音很大，用起来很烦。',
  '尺码偏小，面料很薄，这个价格不值。',
  // takeaway
  '等了一个半小时才送到，饭菜全凉了。',
  '太咸了，根本吃不下，还有一根头发，恶心。',
  '分量少得可怜，价格还贵，不会再点了。',
  '备注了不要辣，结果辣得没法吃，商家完全不看备注。',
  '汤洒了一袋子，包装太简陋，差评。',
  '肉不新鲜，有股怪味，吃完肚子疼。',
  // movies
  '剧情拖沓，看到一半就想走，浪费时间。',
  '特效五毛，台词尴尬，演员全程面瘫。',
  '宣传得很好，结果烂尾，非常失望。',
  '逻辑漏洞太多，笑点也很尬，不值票价。',
  '节奏混乱，配乐吵闹，看得我头疼。',
  '除了主演颜值高，其他一无是处。',
  // apps
  '更新后经常闪退，登录不了，太垃圾了。',
  '广告太多，关都关不掉，体验极差。',
  '自动续费不提醒，扣了钱还不给退，坑人。',
  '界面卡顿，耗电严重，手机都发烫。',
  '客服只会机器人回复，问题一直没解决。',
  '注册要填一堆信息，隐私条款霸道，卸载了。',
  // banking
  '排队两个小时，只开了一个窗口，效率太低。',
  '柜员态度冷淡，问两句就不耐烦。',
  '莫名其妙扣了年费，打客服电话一直占线。',
  '转账被冻结了三天，没人给个说法。',
  '理财经理隐瞒风险，亏了钱就不接电话。',
  '手机银行老是验证失败，根本用不了。',
  // logistics
  '快递一周了还没到，物流信息一直不更新。',
  '包裹被摔得变形，里面的东西碎了。',
  '快递员不打电话直接放驿站，还显示已签收。',
  '说好的次日达，拖了四天，投诉也没用。',
  '送错地址，还态度恶劣地让我自己去取。',
  '运费比别家贵，速度却慢得要命。',
];

function accuracy(texts: string[], gold: 'positive' | 'negative'): { correct: number; wrong: string[] } {
  const wrong: string[] = [];
  for (const text of texts) {
    const { label } = analyseSentiment(text);
    if (label !== gold) wrong.push(`${label}: ${text}`);
  }
  return { correct: texts.length - wrong.length, wrong };
}

describe('sentiment across domains (products, takeaway, movies, apps, banking, logistics)', () => {
  it('is balanced and large enough to mean something', () => {
    expect(positive.length).toBe(36);
    expect(negative.length).toBe(36);
  });

  it('labels at least 85% of the hand-written cross-domain comments correctly', () => {
    const pos = accuracy(positive, 'positive');
    const neg = accuracy(negative, 'negative');
    const total = (pos.correct + neg.correct) / (positive.length + negative.length);
    expect({ total: total >= 0.85, wrong: [...pos.wrong, ...neg.wrong] }).toMatchObject({ total: true });
    // Neither class may be sacrificed for the other.
    expect(pos.correct / positive.length).toBeGreaterThanOrEqual(0.8);
    expect(neg.correct / negative.length).toBeGreaterThanOrEqual(0.8);
  });
});
