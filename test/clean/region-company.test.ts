import { describe, expect, it } from 'vitest';
import { cityFromPhone, companyKey, normaliseCity, normaliseProvince, provinceOfCity } from '../../src/clean/index.js';
import { AREA_CODES, PROVINCES } from '../../src/clean/region-data.js';

describe('normaliseProvince', () => {
  it.each([
    ['广东省', '广东'], ['广东', '广东'], ['廣東省', '广东'], ['Guangdong', '广东'], ['GUANGDONG PROVINCE', '广东'],
    ['广西壮族自治区', '广西'], ['广西', '广西'], ['北京市', '北京'], ['北京', '北京'], ['Beijing', '北京'], ['Peking', '北京'],
    ['上海市', '上海'], ['Shanghai', '上海'], ['Shanghai Municipality', '上海'], ['重庆', '重庆'], ['内蒙古自治区', '内蒙古'],
    ['Inner Mongolia', '内蒙古'], ['西藏', '西藏'], ['Tibet', '西藏'], ['新疆维吾尔自治区', '新疆'], ['宁夏回族自治区', '宁夏'],
    ['香港特别行政区', '香港'], ['Hong Kong SAR', '香港'], ['中国香港', '香港'], ['澳門', '澳门'], ['Macao', '澳门'], ['台湾省', '台湾'],
    ['Shaanxi', '陕西'], ['Shanxi', '山西'], ['黑龙江省', '黑龙江'], ['Heilongjiang', '黑龙江'], ['广东省深圳市', '广东'],
    ['　广东省　', '广东'], ['浙江 省', '浙江'],
    ['火星', null], ['California', null], ['', null], ['无', null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseProvince(input)).toBe(expected);
  });

  it('knows all 34 provincial divisions', () => {
    expect(PROVINCES).toHaveLength(34);
    for (const p of PROVINCES) {
      expect(normaliseProvince(p.full)).toBe(p.short);
      for (const latin of p.latin) expect(normaliseProvince(latin)).toBe(p.short);
    }
  });
});

describe('normaliseCity', () => {
  it.each([
    ['深圳市', '深圳'], ['深圳', '深圳'], ['Shenzhen', '深圳'], ['SHENZHEN CITY', '深圳'], ['shen zhen', '深圳'],
    ['广东省深圳市', '深圳'], ['广东深圳', '深圳'], ['深圳市南山区', '深圳'], ['廣州市', '广州'], ['Guangzhou', '广州'],
    ['Canton', '广州'], ['延边朝鲜族自治州', '延边'], ['延边州', '延边'], ['恩施土家族苗族自治州', '恩施'], ['大兴安岭地区', '大兴安岭'],
    ['锡林郭勒盟', '锡林郭勒'], ['海南藏族自治州', '海南州'], ['吉林市', '吉林'], ['北京市', '北京'], ["XI'AN", '西安'],
    ['Xian', '西安'], ['Harbin', '哈尔滨'], ['Urumqi', '乌鲁木齐'], ['Suzhou', '苏州'], ['襄樊', '襄阳'], ['思茅', '普洱'],
    ['石家庄市', '石家庄'], ['呼和浩特', '呼和浩特'], ['Hohhot', '呼和浩特'],
    // unknown or not prefecture level: kept, without 市
    ['昆山市', '昆山'], ['义乌', '义乌'], ['朝阳区', '朝阳区'], ['Taizhou', 'Taizhou'], ['Springfield', 'Springfield'],
    ['', null], ['-', null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCity(input)).toBe(expected);
  });

  it('knows all 333 prefecture-level divisions plus the municipalities and SARs', () => {
    let count = 0;
    for (const p of PROVINCES) {
      for (const entry of p.cities.split(' ')) {
        const [full, short] = entry.split('=');
        const expected = short ?? full.replace(/(市|地区|盟|林区)$/, '');
        expect(normaliseCity(full)).toBe(expected);
        expect(provinceOfCity(expected)).toBe(p.short);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(333 + 4 + 2);
  });
});

describe('cityFromPhone', () => {
  it.each([
    ['+8675512345678', { province: '广东', city: '深圳' }],
    ['+861012345678', { province: '北京', city: '北京' }],
    ['+862162345678', { province: '上海', city: '上海' }],
    ['+862012345678', { province: '广东', city: '广州' }],
    ['+8657112345678', { province: '浙江', city: '杭州' }],
    ['+8643312345678', { province: '吉林', city: '延边' }],
    ['+8671012345678', { province: '湖北', city: '襄阳' }],
    ['+8689812345678', { province: '海南', city: null }],
    ['+862812345678', { province: '四川', city: null }],
    ['+8613812345678', null],
    ['+14155552671', null],
    ['+8640012345678', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(cityFromPhone(input)).toEqual(expected);
  });

  it('only names cities the city table knows', () => {
    for (const [code, [province, city]] of Object.entries(AREA_CODES)) {
      expect(normaliseProvince(province), code).toBe(province);
      if (city !== '') expect(provinceOfCity(city), `${code} ${city}`).toBe(province);
    }
  });
});

describe('companyKey', () => {
  it.each([
    ['深圳华星科技有限公司', '华星科技'],
    ['华星科技(深圳)', '华星科技'],
    ['華星科技（深圳）有限公司', '华星科技'],
    ['深圳市华星科技有限公司', '华星科技'],
    ['广东省深圳市华星科技股份有限公司', '华星科技'],
    ['华星科技有限公司深圳', '华星科技'],
    ['华星科技集团有限公司', '华星科技'],
    ['华星科技 有限责任公司', '华星科技'],
    ['腾讯科技(深圳)有限公司', '腾讯科技'],
    ['阿里巴巴（中国）有限公司', '阿里巴巴中国'],
    ['北京大学', '北京大学'],
    ['北京银行股份有限公司', '北京银行'],
    ['中国银行股份有限公司', '中国银行'],
    ['上海市第一人民医院', '第一人民医院'],
    ['小米', '小米'],
    ['青岛啤酒股份有限公司', '青岛啤酒'],
    ['贵州茅台酒股份有限公司', '茅台酒'],
    ['阿里巴巴集团', '阿里巴巴'],
    ['大理石材有限公司', '大理石材'],
    ['上海汽车集团股份有限公司', '上海汽车'],
    ['Acme Co., Ltd.', 'acme'],
    ['ACME Inc', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['The Acme Group LLC', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['Acme Holdings Limited', 'acme'],
    ['Siemens AG', 'siemens'],
    ['Müller GmbH', 'muller'],
    ['Procter & Gamble Co.', 'procter and gamble'],
    ['  ＡＣＭＥ　Ｃｏｒｐ ', 'acme'],
    ['Ltd', 'ltd'],
    ['', null],
    ['N/A', null],
  ])('%j → %j', (input, expected) => {
    expect(companyKey(input)).toBe(expected);
  });
});
