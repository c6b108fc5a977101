import { Random } from './random.js';

/** Realistic Chinese and English customers for the demo, tests and benchmarks. */
export interface Person {
  code: string;
  name: string;
  nameZhTraditional?: string;
  latin: boolean;
  phone: string; // 11-digit CN mobile
  email: string | null;
  company: string | null;
  province: string;
  city: string;
  industry: string;
  channel: string;
  registered: string; // YYYY-MM-DD
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董', '潘', '袁', '蔡', '蒋', '余'];
const given = ['伟', '芳', '娜', '敏', '静', '秀英', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '文', '华', '红', '玉兰', '志强', '海燕', '晓东', '婷婷', '雪', '浩然', '子涵', '欣怡', '宇轩', '梓萱', '俊杰', '嘉怡'];
const traditional: Record<string, string> = { 张: '張', 刘: '劉', 陈: '陳', 杨: '楊', 黄: '黃', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 郑: '鄭', 谢: '謝', 韩: '韓', 冯: '馮', 邓: '鄧', 伟: '偉', 丽: '麗', 强: '強', 军: '軍', 杰: '傑', 涛: '濤', 华: '華', 红: '紅', 兰: '蘭', 东: '東', 轩: '軒', 俊: '俊', 萧: '蕭', 罗: '羅', 许: '許' };
const latinFirst = ['John', 'Mary', 'David', 'Sarah', 'Michael', 'Emma', 'James', 'Olivia', 'Robert', 'Sophie', 'Daniel', 'Grace', 'Thomas', 'Lucy', 'Peter', 'Anna'];
const latinLast = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Green', 'Hall', 'Wood', 'Clarke', 'Lee'];
export const places: [string, string][] = [
  ['广东', '深圳'], ['广东', '广州'], ['广东', '东莞'], ['北京', '北京'], ['上海', '上海'], ['浙江', '杭州'], ['浙江', '宁波'], ['江苏', '南京'], ['江苏', '苏州'],
  ['四川', '成都'], ['湖北', '武汉'], ['陕西', '西安'], ['福建', '厦门'], ['山东', '青岛'], ['天津', '天津'], ['重庆', '重庆'], ['湖南', '长沙'], ['河南', '郑州'],
];
const companyCores = ['华星', '金鼎', '东方', '瑞达', '宏图', '恒信', '博远', '新锐', '佳禾', '明辉', '腾跃', '汇通', '安泰', '鑫源', '智联', '云帆'];
const companyTrades = ['科技', '贸易', '电子', '信息技术', '餐饮管理', '物流', '医疗器械', '文化传媒'];
const industries = ['零售', '制造', '互联网', '餐饮', '物流', '医疗', '教育', '金融'];
const channels = ['官网', '天猫', '京东', '微信小程序', '线下门店', '电话销售'];
const mailDomains = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'sina.com', 'foxmail.com'];
const pinyin: Record<string, string> = { 王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou' };

export function makePerson(r: Random, index: number, startDay: Date): Person {
  const latin = r.chance(0.15);
  let name: string;
  let nameZhTraditional: string | undefined;
  if (latin) {
    name = `${r.pick(latinFirst)} ${r.pick(latinLast)}`;
  } else {
    const s = r.pick(surnames);
    const g = r.pick(given);
    name = s + g;
    const trad = [...name].map((ch) => traditional[ch] ?? ch).join('');
    if (trad !== name) nameZhTraditional = trad;
  }
  const [province, city] = r.pick(places);
  const local = latin ? name.toLowerCase().replace(' ', '.') : `${pinyin[name[0]] ?? 'user'}${r.int(10, 9999)}`;
  const registered = new Date(startDay.getTime() + r.int(0, 1095) * 86400000).toISOString().slice(0, 10);
  return {
    code: `C${String(100000 + index)}`,
    name,
    nameZhTraditional,
    latin,
    phone: `1${r.pick(['38', '39', '58', '86', '37', '59', '88', '77', '35', '50'])}${String(r.int(0, 99999999)).padStart(8, '0')}`,
    email: r.chance(0.8) ? `${local}@${r.pick(mailDomains)}` : null,
    company: r.chance(0.6) ? `${r.chance(0.5) ? city : ''}${r.pick(companyCores)}${r.pick(companyTrades)}有限公司` : null,
    province,
    city,
    industry: r.pick(industries),
    channel: r.pick(channels),
    registered,
  };
}

/** Phone written the many ways sales reps type it. */
export function messyPhone(r: Random, phone: string): string {
  const a = phone.slice(0, 3), b = phone.slice(3, 7), c = phone.slice(7);
  return r.pick([phone, `${a}-${b}-${c}`, `+86 ${phone}`, `0086${phone}`, `${a} ${b} ${c}`, `(+86)${a}-${b}${c}`, toFullWidth(phone)]);
}

export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z@.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** A second spelling of the same person's name: traditional characters, spaces, case, order. */
export function nameVariant(r: Random, p: Person): string {
  if (p.latin) {
    const [first, last] = p.name.split(' ');
    return r.pick([`${last.toUpperCase()}, ${first}`, `${last} ${first}`, p.name.toUpperCase(), ` ${p.name} `]);
  }
  return r.pick([p.nameZhTraditional ?? p.name, `${p.name[0]} ${p.name.slice(1)}`, p.name]);
}

export function emailTypo(r: Random, email: string): string {
  const typos: Record<string, string> = { 'qq.com': 'qq.con', '163.com': '163.cm', 'gmail.com': 'gmial.com', 'outlook.com': 'outlok.com', '126.com': '126.con' };
  const [local, domain] = email.split('@');
  return r.chance(0.5) && typos[domain] ? `${local}@${typos[domain]}` : email.toUpperCase();
}
