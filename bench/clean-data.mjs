// Generated ugly customer rows for bench/clean.mjs (deterministic).
// Deterministic pseudo-random generator so runs are comparable.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '馬', '陳', '張', '歐陽'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '曉明', '志強'];
const latin = ['John Smith', 'SMITH, John', 'mary jones', 'José García', 'Li Lei', 'WANG Fang'];
const cities = [['广东省', '深圳市'], ['广东', '广州'], ['浙江省', '杭州市'], ['北京市', '北京'], ['上海', '上海市'], ['江苏省', '苏州'], ['四川', '成都市'], ['', ''], ['Guangdong', 'Shenzhen']];
const domains = ['qq.com', '163.com', '126.com', 'gmail.com', 'qq.con', 'gmial.com', 'company.cn', 'sina.com'];
const companies = ['深圳华星科技有限公司', '华星科技(深圳)', '杭州云帆网络科技有限公司', 'Acme Co., Ltd.', '', '北京大学', '上海明德贸易有限公司'];

export function generateCustomer(i) {
  const r = rnd();
  const name = r < 0.78 ? pick(surnames) + pick(given) : r < 0.8 ? `${pick(surnames)} ${pick(given)}` : r < 0.95 ? pick(latin) : '';
  const p = rnd();
  const mobile = '1' + pick(['38', '39', '58', '86', '77', '99', '50']) + digits(8);
  const phone =
    p < 0.45 ? mobile
    : p < 0.6 ? `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`
    : p < 0.7 ? `+86 ${mobile}`
    : p < 0.8 ? `0755-${pick(['8', '2', '6'])}${digits(7)}`
    : p < 0.85 ? digits(9)
    : '';
  const e = rnd();
  const email = e < 0.7 ? `user${i}@${pick(domains)}` : e < 0.75 ? `User${i}@QQ.COM ` : '';
  const [province, city] = pick(cities);
  const d = rnd();
  const registered_at =
    d < 0.5 ? `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`
    : d < 0.7 ? `20${10 + Math.floor(rnd() * 15)}/${1 + Math.floor(rnd() * 12)}/${1 + Math.floor(rnd() * 28)}`
    : d < 0.8 ? `20${10 + Math.floor(rnd() * 15)}年${1 + Math.floor(rnd() * 12)}月${1 + Math.floor(rnd() * 28)}日`
    : d < 0.9 ? String(40000 + Math.floor(rnd() * 5000))
    : '';
  const m = rnd();
  const annual_revenue = m < 0.5 ? String(Math.floor(rnd() * 1e6)) : m < 0.7 ? `¥${Math.floor(rnd() * 1000)},${digits(3)}.50` : m < 0.8 ? `${(rnd() * 100).toFixed(1)}万` : '';
  return {
    customer_code: `C${i}`, name, phone, email, company: pick(companies), province, city, registered_at, birth_date: '', contract_end: '', annual_revenue,
  };
}

