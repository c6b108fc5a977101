import { Converter } from 'opencc-js';
import { pinyinSyllables } from './pinyin.js';
import { mulberry32 } from './blocking.js';
import type { MatchRecord } from './types.js';

/**
 * A generated messy customer list with known truth, for accuracy checks: Chinese and English
 * people, each typed one to four times by different hands (张伟 / 張偉 / 张 伟 / Zhang Wei,
 * SMITH John / Smith, John / Jon Smith, phones in every format, e-mail missing here and phone
 * there), and many different people who share a common name (王芳, 王伟) in different cities.
 */
export interface MessyCustomer {
  id: number;
  /** Ground truth: records with the same person are the same customer. */
  person: number;
  name: string;
  phone: string | null;
  email: string | null;
  company: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  birthDate: string | null;
  updatedAt: string;
}

export interface GenerateOptions {
  people: number;
  seed?: number;
  /** Share of people who are one of a handful of very common Chinese names. */
  commonNameShare?: number;
}

const FAMILY = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const COMPOUND = ['欧阳', '司马', '诸葛', '上官'];
const GIVEN_CHARS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚秀英华玲红飞鹏辉斌宇浩凯婷雪琳晨阳峰建国文志海波龙林欣怡佳琪子涵梓萱俊熙宏亮春梅兰慧颖思睿泽楠璐瑶'.split('');
const COMMON_NAMES = ['王芳', '王伟', '张伟', '李娜', '张敏', '李静', '王静', '刘洋', '李强', '张丽'];
const EN_FIRST = ('John James Michael David Robert William Mary Linda Sarah Emma Olivia Daniel Thomas Jessica Laura Peter Kevin Anna Grace Henry ' +
  'Richard Joseph Charles Christopher Matthew Anthony Mark Steven Paul Andrew Joshua Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob ' +
  'Patricia Jennifer Elizabeth Barbara Susan Karen Nancy Lisa Betty Sandra Ashley Kimberly Donna Emily Michelle Carol Amanda Melissa Deborah Stephanie').split(' ');
const EN_LAST = ('Smith Johnson Brown Taylor Wilson Miller Davis Clark Lewis Walker Young King Wright Green Baker Hill Scott Adams Nelson Carter ' +
  'Williams Jones Garcia Rodriguez Martinez Anderson Thomas Jackson White Harris Martin Thompson Robinson Lee Allen Sanchez Torres Nguyen Flores ' +
  'Campbell Mitchell Roberts Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell').split(' ');
const NICK: Record<string, string> = { John: 'Jon', Michael: 'Micheal', Sarah: 'Sara', William: 'Wiliam', Thomas: 'Tomas', Daniel: 'Danial', Jessica: 'Jesica', Peter: 'Pete', Kevin: 'Kevn', Laura: 'Lora' };
const CITIES: [string, string][] = [
  ['北京', '北京'], ['上海', '上海'], ['广州', '广东'], ['深圳', '广东'], ['杭州', '浙江'], ['宁波', '浙江'], ['南京', '江苏'], ['苏州', '江苏'],
  ['成都', '四川'], ['重庆', '重庆'], ['武汉', '湖北'], ['西安', '陕西'], ['天津', '天津'], ['长沙', '湖南'], ['郑州', '河南'], ['青岛', '山东'],
  ['济南', '山东'], ['沈阳', '辽宁'], ['大连', '辽宁'], ['厦门', '福建'], ['福州', '福建'], ['合肥', '安徽'], ['昆明', '云南'], ['南宁', '广西'],
  ['哈尔滨', '黑龙江'], ['长春', '吉林'], ['石家庄', '河北'], ['太原', '山西'], ['南昌', '江西'], ['贵阳', '贵州'],
];
const BRANDS = ['华星', '蓝海', '鼎盛', '远航', '金桥', '新元', '恒通', '博雅', '启明', '天成', '瑞丰', '中联', '东方', '宏图', '锦程', '悦达'];
const TRADES = ['科技', '贸易', '电子', '物流', '文化传媒', '建材', '食品', '软件'];
const STREETS = ['人民路', '中山路', '解放路', '建设路', '和平路', '长江路', '新华路', '朝阳路', '文化路', '青年路', '胜利路', '南京路'];
const DISTRICTS = ['东城区', '西湖区', '天河区', '南山区', '武侯区', '江汉区', '雁塔区', '鼓楼区', '高新区', '滨江区'];
const MAIL = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'sina.com'];

let toTraditional: ((s: string) => string) | undefined;

export function generateMessyCustomers(options: GenerateOptions): { records: MatchRecord[]; customers: MessyCustomer[]; truth: Map<number, number> } {
  const rng = mulberry32(options.seed ?? 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const chance = (p: number): boolean => rng() < p;
  toTraditional ??= Converter({ from: 'cn', to: 'hk' });
  const commonShare = options.commonNameShare ?? 0.04;
  const customers: MessyCustomer[] = [];
  const usedPhones = new Set<string>();
  const newPhone = (): string => {
    for (;;) {
      const p = `1${pick(['3', '5', '7', '8', '9'])}${Math.floor(rng() * 1e9).toString().padStart(9, '0')}`;
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };
  let id = 1;
  for (let person = 1; person <= options.people; person++) {
    const chinese = chance(0.8);
    let family: string;
    let given: string;
    if (chinese) {
      if (chance(commonShare)) {
        const full = pick(COMMON_NAMES);
        family = full[0];
        given = full.slice(1);
      } else {
        family = chance(0.01) ? pick(COMPOUND) : FAMILY[Math.min(FAMILY.length - 1, Math.floor(Math.pow(rng(), 2.2) * FAMILY.length))];
        given = chance(0.35) ? pick(GIVEN_CHARS) : pick(GIVEN_CHARS) + pick(GIVEN_CHARS);
      }
    } else {
      family = pick(EN_LAST);
      given = pick(EN_FIRST);
    }
    const [city, province] = pick(CITIES);
    const phone = newPhone();
    const romanFamily = chinese ? cap(pinyinSyllables(family, { surname: true }).join('')) : family;
    const romanGiven = chinese ? cap(pinyinSyllables(given).join('')) : given;
    const email = chance(0.7) ? `${(romanGiven + '.' + romanFamily).toLowerCase()}${Math.floor(rng() * 10000)}@${pick(MAIL)}` : null;
    const company = chance(0.5) ? `${city}${pick(BRANDS)}${pick(TRADES)}有限公司` : null;
    const address = chance(0.6) ? `${pick(DISTRICTS)}${pick(STREETS)}${1 + Math.floor(rng() * 300)}号` : null;
    const birth = chance(0.4) ? `${1950 + Math.floor(rng() * 55)}-${pad(1 + Math.floor(rng() * 12))}-${pad(1 + Math.floor(rng() * 28))}` : null;
    const copies = 1 + (chance(0.4) ? (chance(0.4) ? (chance(0.35) ? 3 : 2) : 1) : 0);
    for (let c = 0; c < copies; c++) {
      const first = c === 0;
      customers.push({
        id: id++,
        person,
        name: first ? displayName(chinese, family, given, romanFamily, romanGiven, 'plain') : messyName(chinese, family, given, romanFamily, romanGiven, rng),
        phone: first ? formatPhone(phone, 0) : chance(0.2) ? null : chance(0.03) ? formatPhone(newPhone(), 0) : formatPhone(phone, Math.floor(rng() * 5)),
        email: email === null || (!first && chance(0.35)) ? null : first || chance(0.7) ? email : email.toUpperCase(),
        company: company === null || (!first && chance(0.4)) ? null : first || chance(0.5) ? company : companyVariant(company, city),
        province: !first && chance(0.3) ? null : chance(0.5) ? province : provinceFull(province),
        city: !first && chance(0.1) ? null : chance(0.5) ? city : city + '市',
        address: address === null || (!first && chance(0.3)) ? null : first || chance(0.7) ? address : address.replace('号', ''),
        birthDate: birth === null || (!first && chance(0.4)) ? null : !first && chance(0.05) ? swapDayMonth(birth) : first || chance(0.5) ? birth : birth.replace(/-/g, '/'),
        updatedAt: new Date(Date.UTC(2023, 0, 1) + Math.floor(rng() * 700) * 86400000).toISOString(),
      });
    }
  }
  const truth = new Map(customers.map((c) => [c.id, c.person]));
  return { customers, records: customers.map(toMatchRecord), truth };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function displayName(chinese: boolean, family: string, given: string, rf: string, rg: string, style: string): string {
  if (chinese) {
    switch (style) {
      case 'traditional':
        return (toTraditional as (s: string) => string)(family + given);
      case 'spaced':
        return `${family} ${given}`;
      case 'pinyin':
        return `${rf} ${rg}`;
      case 'pinyinWestern':
        return `${rg} ${rf}`;
      case 'pinyinCaps':
        return `${rf.toUpperCase()} ${rg}`;
      default:
        return family + given;
    }
  }
  switch (style) {
    case 'familyFirstCaps':
      return `${family.toUpperCase()} ${given}`;
    case 'comma':
      return `${family}, ${given}`;
    case 'typo':
      return `${NICK[given] ?? given.slice(0, -1)} ${family}`;
    case 'lower':
      return `${given} ${family}`.toLowerCase();
    default:
      return `${given} ${family}`;
  }
}

function messyName(chinese: boolean, family: string, given: string, rf: string, rg: string, rng: () => number): string {
  const r = rng();
  if (chinese) {
    const style = r < 0.45 ? 'plain' : r < 0.65 ? 'traditional' : r < 0.8 ? 'spaced' : r < 0.9 ? 'pinyin' : r < 0.95 ? 'pinyinWestern' : 'pinyinCaps';
    return displayName(true, family, given, rf, rg, style);
  }
  const style = r < 0.4 ? 'plain' : r < 0.6 ? 'familyFirstCaps' : r < 0.75 ? 'comma' : r < 0.9 ? 'typo' : 'lower';
  return displayName(false, family, given, rf, rg, style);
}

function formatPhone(p: string, style: number): string {
  switch (style) {
    case 1:
      return `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
    case 2:
      return `+86 ${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
    case 3:
      return `(+86)${p}`;
    case 4:
      return `0086-${p}`;
    default:
      return p;
  }
}

function companyVariant(company: string, city: string): string {
  const core = company.replace(city, '').replace('有限公司', '');
  return `${core}(${city})`;
}

function provinceFull(province: string): string {
  if (['北京', '上海', '天津', '重庆'].includes(province)) return province + '市';
  if (province === '广西') return '广西壮族自治区';
  return province + '省';
}

function swapDayMonth(date: string): string {
  const [y, m, d] = date.split('-');
  return Number(d) <= 12 ? `${y}-${d}-${m}` : date;
}

/** The values the clean stage would store: E.164 phone, lower-case e-mail, ISO date. */
export function toMatchRecord(c: MessyCustomer): MatchRecord {
  let digits = c.phone ? c.phone.replace(/\D/g, '') : '';
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return {
    id: c.id,
    name: c.name,
    phone: digits.length === 11 ? `+86${digits}` : null,
    email: c.email ? c.email.toLowerCase() : null,
    company: c.company,
    province: c.province,
    city: c.city,
    address: c.address,
    birthDate: c.birthDate ? c.birthDate.replace(/\//g, '-') : null,
    updatedAt: c.updatedAt,
  };
}
