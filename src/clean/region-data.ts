// China's 34 provincial divisions and 333 prefecture-level divisions (2024 boundaries), by province.
// A city entry is its full official name; the short name used as the normalised value is the full name
// without 市 / 地区 / 盟, or the explicit short name after '=' (autonomous prefectures).

export interface ProvinceEntry {
  short: string;
  full: string;
  /** Lower-case Latin names and common spellings. */
  latin: string[];
  /** Full city names, space separated; 'full=short' where the short name is not simply the name without its suffix. */
  cities: string;
}

export const PROVINCES: ProvinceEntry[] = [
  { short: '北京', full: '北京市', latin: ['beijing', 'peking'], cities: '北京市' },
  { short: '天津', full: '天津市', latin: ['tianjin', 'tientsin'], cities: '天津市' },
  { short: '上海', full: '上海市', latin: ['shanghai'], cities: '上海市' },
  { short: '重庆', full: '重庆市', latin: ['chongqing', 'chungking'], cities: '重庆市' },
  { short: '河北', full: '河北省', latin: ['hebei'], cities: '石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市' },
  { short: '山西', full: '山西省', latin: ['shanxi'], cities: '太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市' },
  {
    short: '内蒙古', full: '内蒙古自治区', latin: ['inner mongolia', 'neimenggu', 'nei mongol', 'innermongolia'],
    cities: '呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟',
  },
  { short: '辽宁', full: '辽宁省', latin: ['liaoning'], cities: '沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市' },
  { short: '吉林', full: '吉林省', latin: ['jilin'], cities: '长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州=延边' },
  {
    short: '黑龙江', full: '黑龙江省', latin: ['heilongjiang'],
    cities: '哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区',
  },
  { short: '江苏', full: '江苏省', latin: ['jiangsu'], cities: '南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市' },
  { short: '浙江', full: '浙江省', latin: ['zhejiang'], cities: '杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市' },
  {
    short: '安徽', full: '安徽省', latin: ['anhui'],
    cities: '合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市',
  },
  { short: '福建', full: '福建省', latin: ['fujian'], cities: '福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市' },
  { short: '江西', full: '江西省', latin: ['jiangxi'], cities: '南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市' },
  {
    short: '山东', full: '山东省', latin: ['shandong'],
    cities: '济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市',
  },
  {
    short: '河南', full: '河南省', latin: ['henan'],
    cities: '郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 济源市',
  },
  {
    short: '湖北', full: '湖北省', latin: ['hubei'],
    cities: '武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州=恩施 仙桃市 潜江市 天门市 神农架林区=神农架',
  },
  {
    short: '湖南', full: '湖南省', latin: ['hunan'],
    cities: '长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州=湘西',
  },
  {
    short: '广东', full: '广东省', latin: ['guangdong', 'canton province', 'kwangtung'],
    cities: '广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市',
  },
  {
    short: '广西', full: '广西壮族自治区', latin: ['guangxi'],
    cities: '南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市',
  },
  { short: '海南', full: '海南省', latin: ['hainan'], cities: '海口市 三亚市 三沙市 儋州市' },
  {
    short: '四川', full: '四川省', latin: ['sichuan', 'szechuan', 'szechwan'],
    cities:
      '成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 ' +
      '阿坝藏族羌族自治州=阿坝 甘孜藏族自治州=甘孜 凉山彝族自治州=凉山',
  },
  {
    short: '贵州', full: '贵州省', latin: ['guizhou'],
    cities: '贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州=黔西南 黔东南苗族侗族自治州=黔东南 黔南布依族苗族自治州=黔南',
  },
  {
    short: '云南', full: '云南省', latin: ['yunnan'],
    cities:
      '昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州=楚雄 红河哈尼族彝族自治州=红河 文山壮族苗族自治州=文山 ' +
      '西双版纳傣族自治州=西双版纳 大理白族自治州=大理 德宏傣族景颇族自治州=德宏 怒江傈僳族自治州=怒江 迪庆藏族自治州=迪庆',
  },
  { short: '西藏', full: '西藏自治区', latin: ['tibet', 'xizang'], cities: '拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区' },
  { short: '陕西', full: '陕西省', latin: ['shaanxi', 'shensi'], cities: '西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市' },
  {
    short: '甘肃', full: '甘肃省', latin: ['gansu', 'kansu'],
    cities: '兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州=临夏 甘南藏族自治州=甘南',
  },
  {
    short: '青海', full: '青海省', latin: ['qinghai'],
    cities:
      '西宁市 海东市 海北藏族自治州=海北 黄南藏族自治州=黄南 海南藏族自治州=海南州 果洛藏族自治州=果洛 玉树藏族自治州=玉树 海西蒙古族藏族自治州=海西',
  },
  { short: '宁夏', full: '宁夏回族自治区', latin: ['ningxia'], cities: '银川市 石嘴山市 吴忠市 固原市 中卫市' },
  {
    short: '新疆', full: '新疆维吾尔自治区', latin: ['xinjiang'],
    cities:
      '乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州=昌吉 博尔塔拉蒙古自治州=博尔塔拉 巴音郭楞蒙古自治州=巴音郭楞 阿克苏地区 ' +
      '克孜勒苏柯尔克孜自治州=克孜勒苏 喀什地区 和田地区 伊犁哈萨克自治州=伊犁 塔城地区 阿勒泰地区 石河子市',
  },
  { short: '台湾', full: '台湾省', latin: ['taiwan'], cities: '台北市 新北市 桃园市 台中市 台南市 高雄市 基隆市 新竹市 嘉义市' },
  { short: '香港', full: '香港特别行政区', latin: ['hong kong', 'hongkong', 'hk', 'hksar'], cities: '香港' },
  { short: '澳门', full: '澳门特别行政区', latin: ['macau', 'macao'], cities: '澳门' },
];

/** Former names still found in old exports → current short name. */
export const CITY_ALIASES: Record<string, string> = {
  襄樊: '襄阳', 思茅: '普洱', 铜仁地区: '铜仁', 毕节地区: '毕节', 日喀则地区: '日喀则', 昌都地区: '昌都', 林芝地区: '林芝',
  山南地区: '山南', 那曲地区: '那曲', 海东地区: '海东', 吐鲁番地区: '吐鲁番', 哈密地区: '哈密', 伊犁州: '伊犁', 延边州: '延边',
  恩施州: '恩施', 湘西州: '湘西', 阿坝州: '阿坝', 甘孜州: '甘孜', 凉山州: '凉山', 黔西南州: '黔西南', 黔东南州: '黔东南', 黔南州: '黔南',
  楚雄州: '楚雄', 红河州: '红河', 文山州: '文山', 西双版纳州: '西双版纳', 大理州: '大理', 德宏州: '德宏', 怒江州: '怒江', 迪庆州: '迪庆',
  临夏州: '临夏', 甘南州: '甘南', 海北州: '海北', 黄南州: '黄南', 果洛州: '果洛', 玉树州: '玉树', 海西州: '海西', 昌吉州: '昌吉',
  博州: '博尔塔拉', 巴州: '巴音郭楞', 克州: '克孜勒苏', 香港特别行政区: '香港', 澳门特别行政区: '澳门', 北京城区: '北京',
};

/**
 * Landline area codes → [province short, city short or '' when the code serves several prefecture-level
 * cities]. Based on libphonenumber's CN geocoding data (Apache-2.0), updated for later renames and merges
 * (襄樊→襄阳, 莱芜→济南, 地区→市 upgrades) and for codes later shared by several cities
 * (028 成都/眉山/资阳, 029 西安/咸阳, 0731 长沙/株洲/湘潭, 0898 all of Hainan …).
 */
export const AREA_CODES: Record<string, [string, string]> = {
  '10': ['北京', '北京'], '20': ['广东', '广州'], '21': ['上海', '上海'], '22': ['天津', '天津'], '23': ['重庆', '重庆'],
  '24': ['辽宁', '沈阳'], '25': ['江苏', '南京'], '27': ['湖北', '武汉'], '28': ['四川', ''], '29': ['陕西', ''],
  '310': ['河北', '邯郸'], '311': ['河北', '石家庄'], '312': ['河北', '保定'], '313': ['河北', '张家口'], '314': ['河北', '承德'],
  '315': ['河北', '唐山'], '316': ['河北', '廊坊'], '317': ['河北', '沧州'], '318': ['河北', '衡水'], '319': ['河北', '邢台'],
  '335': ['河北', '秦皇岛'],
  '349': ['山西', '朔州'], '350': ['山西', '忻州'], '351': ['山西', '太原'], '352': ['山西', '大同'], '353': ['山西', '阳泉'],
  '354': ['山西', '晋中'], '355': ['山西', '长治'], '356': ['山西', '晋城'], '357': ['山西', '临汾'], '358': ['山西', '吕梁'],
  '359': ['山西', '运城'],
  '370': ['河南', '商丘'], '371': ['河南', '郑州'], '372': ['河南', '安阳'], '373': ['河南', '新乡'], '374': ['河南', '许昌'],
  '375': ['河南', '平顶山'], '376': ['河南', '信阳'], '377': ['河南', '南阳'], '378': ['河南', '开封'], '379': ['河南', '洛阳'],
  '391': ['河南', ''], '392': ['河南', '鹤壁'], '393': ['河南', '濮阳'], '394': ['河南', '周口'], '395': ['河南', '漯河'],
  '396': ['河南', '驻马店'], '398': ['河南', '三门峡'],
  '410': ['辽宁', '铁岭'], '411': ['辽宁', '大连'], '412': ['辽宁', '鞍山'], '413': ['辽宁', '抚顺'], '414': ['辽宁', '本溪'],
  '415': ['辽宁', '丹东'], '416': ['辽宁', '锦州'], '417': ['辽宁', '营口'], '418': ['辽宁', '阜新'], '419': ['辽宁', '辽阳'],
  '421': ['辽宁', '朝阳'], '427': ['辽宁', '盘锦'], '429': ['辽宁', '葫芦岛'],
  '431': ['吉林', '长春'], '432': ['吉林', '吉林'], '433': ['吉林', '延边'], '434': ['吉林', '四平'], '435': ['吉林', '通化'],
  '436': ['吉林', '白城'], '437': ['吉林', '辽源'], '438': ['吉林', '松原'], '439': ['吉林', '白山'],
  '451': ['黑龙江', '哈尔滨'], '452': ['黑龙江', '齐齐哈尔'], '453': ['黑龙江', '牡丹江'], '454': ['黑龙江', '佳木斯'],
  '455': ['黑龙江', '绥化'], '456': ['黑龙江', '黑河'], '457': ['黑龙江', '大兴安岭'], '458': ['黑龙江', '伊春'],
  '459': ['黑龙江', '大庆'], '464': ['黑龙江', '七台河'], '467': ['黑龙江', '鸡西'], '468': ['黑龙江', '鹤岗'], '469': ['黑龙江', '双鸭山'],
  '470': ['内蒙古', '呼伦贝尔'], '471': ['内蒙古', '呼和浩特'], '472': ['内蒙古', '包头'], '473': ['内蒙古', '乌海'],
  '474': ['内蒙古', '乌兰察布'], '475': ['内蒙古', '通辽'], '476': ['内蒙古', '赤峰'], '477': ['内蒙古', '鄂尔多斯'],
  '478': ['内蒙古', '巴彦淖尔'], '479': ['内蒙古', '锡林郭勒'], '482': ['内蒙古', '兴安'], '483': ['内蒙古', '阿拉善'],
  '510': ['江苏', '无锡'], '511': ['江苏', '镇江'], '512': ['江苏', '苏州'], '513': ['江苏', '南通'], '514': ['江苏', '扬州'],
  '515': ['江苏', '盐城'], '516': ['江苏', '徐州'], '517': ['江苏', '淮安'], '518': ['江苏', '连云港'], '519': ['江苏', '常州'],
  '523': ['江苏', '泰州'], '527': ['江苏', '宿迁'],
  '530': ['山东', '菏泽'], '531': ['山东', '济南'], '532': ['山东', '青岛'], '533': ['山东', '淄博'], '534': ['山东', '德州'],
  '535': ['山东', '烟台'], '536': ['山东', '潍坊'], '537': ['山东', '济宁'], '538': ['山东', '泰安'], '539': ['山东', '临沂'],
  '543': ['山东', '滨州'], '546': ['山东', '东营'], '631': ['山东', '威海'], '632': ['山东', '枣庄'], '633': ['山东', '日照'],
  '634': ['山东', '济南'], '635': ['山东', '聊城'],
  '550': ['安徽', '滁州'], '551': ['安徽', '合肥'], '552': ['安徽', '蚌埠'], '553': ['安徽', '芜湖'], '554': ['安徽', '淮南'],
  '555': ['安徽', '马鞍山'], '556': ['安徽', '安庆'], '557': ['安徽', '宿州'], '558': ['安徽', ''], '559': ['安徽', '黄山'],
  '561': ['安徽', '淮北'], '562': ['安徽', '铜陵'], '563': ['安徽', '宣城'], '564': ['安徽', '六安'], '566': ['安徽', '池州'],
  '570': ['浙江', '衢州'], '571': ['浙江', '杭州'], '572': ['浙江', '湖州'], '573': ['浙江', '嘉兴'], '574': ['浙江', '宁波'],
  '575': ['浙江', '绍兴'], '576': ['浙江', '台州'], '577': ['浙江', '温州'], '578': ['浙江', '丽水'], '579': ['浙江', '金华'],
  '580': ['浙江', '舟山'],
  '591': ['福建', '福州'], '592': ['福建', '厦门'], '593': ['福建', '宁德'], '594': ['福建', '莆田'], '595': ['福建', '泉州'],
  '596': ['福建', '漳州'], '597': ['福建', '龙岩'], '598': ['福建', '三明'], '599': ['福建', '南平'],
  '660': ['广东', '汕尾'], '662': ['广东', '阳江'], '663': ['广东', '揭阳'], '668': ['广东', '茂名'],
  '750': ['广东', '江门'], '751': ['广东', '韶关'], '752': ['广东', '惠州'], '753': ['广东', '梅州'], '754': ['广东', '汕头'],
  '755': ['广东', '深圳'], '756': ['广东', '珠海'], '757': ['广东', '佛山'], '758': ['广东', '肇庆'], '759': ['广东', '湛江'],
  '760': ['广东', '中山'], '762': ['广东', '河源'], '763': ['广东', '清远'], '766': ['广东', '云浮'], '768': ['广东', '潮州'],
  '769': ['广东', '东莞'],
  '691': ['云南', '西双版纳'], '692': ['云南', '德宏'],
  '701': ['江西', '鹰潭'], '790': ['江西', '新余'], '791': ['江西', '南昌'], '792': ['江西', '九江'], '793': ['江西', '上饶'],
  '794': ['江西', '抚州'], '795': ['江西', '宜春'], '796': ['江西', '吉安'], '797': ['江西', '赣州'], '798': ['江西', '景德镇'],
  '799': ['江西', '萍乡'],
  '710': ['湖北', '襄阳'], '711': ['湖北', '鄂州'], '712': ['湖北', '孝感'], '713': ['湖北', '黄冈'], '714': ['湖北', '黄石'],
  '715': ['湖北', '咸宁'], '716': ['湖北', '荆州'], '717': ['湖北', '宜昌'], '718': ['湖北', '恩施'], '719': ['湖北', '十堰'],
  '722': ['湖北', '随州'], '724': ['湖北', '荆门'], '728': ['湖北', ''],
  '730': ['湖南', '岳阳'], '731': ['湖南', ''], '734': ['湖南', '衡阳'], '735': ['湖南', '郴州'], '736': ['湖南', '常德'],
  '737': ['湖南', '益阳'], '738': ['湖南', '娄底'], '739': ['湖南', '邵阳'], '743': ['湖南', '湘西'], '744': ['湖南', '张家界'],
  '745': ['湖南', '怀化'], '746': ['湖南', '永州'],
  '770': ['广西', '防城港'], '771': ['广西', ''], '772': ['广西', ''], '773': ['广西', '桂林'], '774': ['广西', ''],
  '775': ['广西', ''], '776': ['广西', '百色'], '777': ['广西', '钦州'], '778': ['广西', '河池'], '779': ['广西', '北海'],
  '812': ['四川', '攀枝花'], '813': ['四川', '自贡'], '816': ['四川', '绵阳'], '817': ['四川', '南充'], '818': ['四川', '达州'],
  '825': ['四川', '遂宁'], '826': ['四川', '广安'], '827': ['四川', '巴中'], '830': ['四川', '泸州'], '831': ['四川', '宜宾'],
  '832': ['四川', '内江'], '833': ['四川', '乐山'], '834': ['四川', '凉山'], '835': ['四川', '雅安'], '836': ['四川', '甘孜'],
  '837': ['四川', '阿坝'], '838': ['四川', '德阳'], '839': ['四川', '广元'],
  '851': ['贵州', '贵阳'], '852': ['贵州', '遵义'], '853': ['贵州', '安顺'], '854': ['贵州', '黔南'], '855': ['贵州', '黔东南'],
  '856': ['贵州', '铜仁'], '857': ['贵州', '毕节'], '858': ['贵州', '六盘水'], '859': ['贵州', '黔西南'],
  '870': ['云南', '昭通'], '871': ['云南', '昆明'], '872': ['云南', '大理'], '873': ['云南', '红河'], '874': ['云南', '曲靖'],
  '875': ['云南', '保山'], '876': ['云南', '文山'], '877': ['云南', '玉溪'], '878': ['云南', '楚雄'], '879': ['云南', '普洱'],
  '883': ['云南', '临沧'], '886': ['云南', '怒江'], '887': ['云南', '迪庆'], '888': ['云南', '丽江'],
  '891': ['西藏', '拉萨'], '892': ['西藏', '日喀则'], '893': ['西藏', '山南'], '894': ['西藏', '林芝'], '895': ['西藏', '昌都'],
  '896': ['西藏', '那曲'], '897': ['西藏', '阿里'],
  '898': ['海南', ''],
  '901': ['新疆', '塔城'], '902': ['新疆', '哈密'], '903': ['新疆', '和田'], '906': ['新疆', '阿勒泰'], '908': ['新疆', '克孜勒苏'],
  '909': ['新疆', '博尔塔拉'], '990': ['新疆', '克拉玛依'], '991': ['新疆', '乌鲁木齐'], '992': ['新疆', '伊犁'], '993': ['新疆', ''],
  '994': ['新疆', '昌吉'], '995': ['新疆', '吐鲁番'], '996': ['新疆', '巴音郭楞'], '997': ['新疆', '阿克苏'], '998': ['新疆', '喀什'],
  '999': ['新疆', '伊犁'],
  '911': ['陕西', '延安'], '912': ['陕西', '榆林'], '913': ['陕西', '渭南'], '914': ['陕西', '商洛'], '915': ['陕西', '安康'],
  '916': ['陕西', '汉中'], '917': ['陕西', '宝鸡'], '919': ['陕西', '铜川'],
  '930': ['甘肃', '临夏'], '931': ['甘肃', '兰州'], '932': ['甘肃', '定西'], '933': ['甘肃', '平凉'], '934': ['甘肃', '庆阳'],
  '935': ['甘肃', ''], '936': ['甘肃', '张掖'], '937': ['甘肃', ''], '938': ['甘肃', '天水'], '939': ['甘肃', '陇南'],
  '941': ['甘肃', '甘南'], '943': ['甘肃', '白银'],
  '951': ['宁夏', '银川'], '952': ['宁夏', '石嘴山'], '953': ['宁夏', '吴忠'], '954': ['宁夏', '固原'], '955': ['宁夏', '中卫'],
  '970': ['青海', '海北'], '971': ['青海', '西宁'], '972': ['青海', '海东'], '973': ['青海', '黄南'], '974': ['青海', '海南州'],
  '975': ['青海', '果洛'], '976': ['青海', '玉树'], '977': ['青海', '海西'], '979': ['青海', '海西'],
};

/** Pinyin (without tones or spaces) and common English names of every city above, "short:latin,latin". */
export const CITY_LATIN =
  '北京:beijing,peking 天津:tianjin,tientsin 上海:shanghai 重庆:chongqing,chungking 石家庄:shijiazhuang 唐山:tangshan ' +
  '秦皇岛:qinhuangdao 邯郸:handan 邢台:xingtai 保定:baoding 张家口:zhangjiakou 承德:chengde 沧州:cangzhou 廊坊:langfang ' +
  '衡水:hengshui 太原:taiyuan 大同:datong 阳泉:yangquan 长治:changzhi 晋城:jincheng 朔州:shuozhou 晋中:jinzhong 运城:yuncheng ' +
  '忻州:xinzhou 临汾:linfen 吕梁:lvliang,lyuliang 呼和浩特:huhehaote,hohhot 包头:baotou 乌海:wuhai 赤峰:chifeng 通辽:tongliao ' +
  '鄂尔多斯:eerduosi,ordos 呼伦贝尔:hulunbeier 巴彦淖尔:bayannaoer 乌兰察布:wulanchabu 兴安:xingan 锡林郭勒:xilinguole 阿拉善:alashan ' +
  '沈阳:shenyang 大连:dalian 鞍山:anshan 抚顺:fushun 本溪:benxi 丹东:dandong 锦州:jinzhou 营口:yingkou 阜新:fuxin 辽阳:liaoyang ' +
  '盘锦:panjin 铁岭:tieling 朝阳:chaoyang 葫芦岛:huludao 长春:changchun 吉林:jilin 四平:siping 辽源:liaoyuan 通化:tonghua ' +
  '白山:baishan 松原:songyuan 白城:baicheng 延边:yanbian 哈尔滨:haerbin,harbin 齐齐哈尔:qiqihaer 鸡西:jixi 鹤岗:hegang ' +
  '双鸭山:shuangyashan 大庆:daqing 伊春:yichun 佳木斯:jiamusi 七台河:qitaihe 牡丹江:mudanjiang 黑河:heihe 绥化:suihua ' +
  '大兴安岭:daxinganling 南京:nanjing,nanking 无锡:wuxi 徐州:xuzhou 常州:changzhou 苏州:suzhou 南通:nantong 连云港:lianyungang ' +
  '淮安:huaian 盐城:yancheng 扬州:yangzhou 镇江:zhenjiang 泰州:taizhou 宿迁:suqian 杭州:hangzhou 宁波:ningbo 温州:wenzhou ' +
  '嘉兴:jiaxing 湖州:huzhou 绍兴:shaoxing 金华:jinhua 衢州:quzhou 舟山:zhoushan 台州:taizhou 丽水:lishui 合肥:hefei 芜湖:wuhu ' +
  '蚌埠:bengbu 淮南:huainan 马鞍山:maanshan 淮北:huaibei 铜陵:tongling 安庆:anqing 黄山:huangshan 滁州:chuzhou 阜阳:fuyang ' +
  '宿州:suzhou 六安:luan 亳州:bozhou 池州:chizhou 宣城:xuancheng 福州:fuzhou 厦门:xiamen,amoy 莆田:putian 三明:sanming 泉州:quanzhou ' +
  '漳州:zhangzhou 南平:nanping 龙岩:longyan 宁德:ningde 南昌:nanchang 景德镇:jingdezhen 萍乡:pingxiang 九江:jiujiang 新余:xinyu ' +
  '鹰潭:yingtan 赣州:ganzhou 吉安:jian 宜春:yichun 抚州:fuzhou 上饶:shangrao 济南:jinan 青岛:qingdao 淄博:zibo 枣庄:zaozhuang ' +
  '东营:dongying 烟台:yantai 潍坊:weifang 济宁:jining 泰安:taian 威海:weihai 日照:rizhao 临沂:linyi 德州:dezhou 聊城:liaocheng ' +
  '滨州:binzhou 菏泽:heze 郑州:zhengzhou 开封:kaifeng 洛阳:luoyang 平顶山:pingdingshan 安阳:anyang 鹤壁:hebi 新乡:xinxiang ' +
  '焦作:jiaozuo 濮阳:puyang 许昌:xuchang 漯河:luohe 三门峡:sanmenxia 南阳:nanyang 商丘:shangqiu 信阳:xinyang 周口:zhoukou ' +
  '驻马店:zhumadian 济源:jiyuan 武汉:wuhan 黄石:huangshi 十堰:shiyan 宜昌:yichang 襄阳:xiangyang 鄂州:ezhou 荆门:jingmen 孝感:xiaogan ' +
  '荆州:jingzhou 黄冈:huanggang 咸宁:xianning 随州:suizhou 恩施:enshi 仙桃:xiantao 潜江:qianjiang 天门:tianmen 神农架:shennongjia ' +
  '长沙:changsha 株洲:zhuzhou 湘潭:xiangtan 衡阳:hengyang 邵阳:shaoyang 岳阳:yueyang 常德:changde 张家界:zhangjiajie 益阳:yiyang ' +
  '郴州:chenzhou 永州:yongzhou 怀化:huaihua 娄底:loudi 湘西:xiangxi 广州:guangzhou,canton 韶关:shaoguan 深圳:shenzhen 珠海:zhuhai ' +
  '汕头:shantou 佛山:foshan 江门:jiangmen 湛江:zhanjiang 茂名:maoming 肇庆:zhaoqing 惠州:huizhou 梅州:meizhou 汕尾:shanwei ' +
  '河源:heyuan 阳江:yangjiang 清远:qingyuan 东莞:dongguan 中山:zhongshan 潮州:chaozhou 揭阳:jieyang 云浮:yunfu 南宁:nanning ' +
  '柳州:liuzhou 桂林:guilin 梧州:wuzhou 北海:beihai 防城港:fangchenggang 钦州:qinzhou 贵港:guigang 玉林:yulin 百色:baise 贺州:hezhou ' +
  '河池:hechi 来宾:laibin 崇左:chongzuo 海口:haikou 三亚:sanya 三沙:sansha 儋州:danzhou 成都:chengdu 自贡:zigong 攀枝花:panzhihua ' +
  '泸州:luzhou 德阳:deyang 绵阳:mianyang 广元:guangyuan 遂宁:suining 内江:neijiang 乐山:leshan 南充:nanchong 眉山:meishan 宜宾:yibin ' +
  '广安:guangan 达州:dazhou 雅安:yaan 巴中:bazhong 资阳:ziyang 阿坝:aba 甘孜:ganzi 凉山:liangshan 贵阳:guiyang 六盘水:liupanshui ' +
  '遵义:zunyi 安顺:anshun 毕节:bijie 铜仁:tongren 黔西南:qianxinan 黔东南:qiandongnan 黔南:qiannan 昆明:kunming 曲靖:qujing 玉溪:yuxi ' +
  '保山:baoshan 昭通:zhaotong 丽江:lijiang 普洱:puer 临沧:lincang 楚雄:chuxiong 红河:honghe 文山:wenshan 西双版纳:xishuangbanna ' +
  '大理:dali 德宏:dehong 怒江:nujiang 迪庆:diqing 拉萨:lasa,lhasa 日喀则:rikaze,shigatse 昌都:changdu,qamdo 林芝:linzhi,nyingchi ' +
  '山南:shannan 那曲:naqu,nagqu 阿里:ali 西安:xian 铜川:tongchuan 宝鸡:baoji 咸阳:xianyang 渭南:weinan 延安:yanan 汉中:hanzhong ' +
  '榆林:yulin 安康:ankang 商洛:shangluo 兰州:lanzhou 嘉峪关:jiayuguan 金昌:jinchang 白银:baiyin 天水:tianshui 武威:wuwei 张掖:zhangye ' +
  '平凉:pingliang 酒泉:jiuquan 庆阳:qingyang 定西:dingxi 陇南:longnan 临夏:linxia 甘南:gannan 西宁:xining 海东:haidong 海北:haibei ' +
  '黄南:huangnan 海南州:hainanzhou 果洛:guoluo 玉树:yushu 海西:haixi 银川:yinchuan 石嘴山:shizuishan 吴忠:wuzhong 固原:guyuan ' +
  '中卫:zhongwei 乌鲁木齐:wulumuqi,urumqi 克拉玛依:kelamayi,karamay 吐鲁番:tulufan,turpan 哈密:hami,kumul 昌吉:changji ' +
  '博尔塔拉:boertala 巴音郭楞:bayinguoleng 阿克苏:akesu,aksu 克孜勒苏:kezilesu 喀什:kashi,kashgar 和田:hetian,hotan 伊犁:yili,ili ' +
  '塔城:tacheng 阿勒泰:aletai,altay 石河子:shihezi 台北:taibei,taipei 新北:xinbei,newtaipei 桃园:taoyuan 台中:taizhong,taichung ' +
  '台南:tainan 高雄:gaoxiong,kaohsiung 基隆:jilong,keelung 新竹:xinzhu,hsinchu 嘉义:jiayi,chiayi 香港:xianggang,hongkong ' +
  '澳门:aomen,macau,macao';

/** Latin names that fit several cities; only the best known is kept, the rest are left out (no guess). */
export const LATIN_PREFERRED: Record<string, string> = { suzhou: '苏州', fuzhou: '福州' };
