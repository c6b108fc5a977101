import { describe, expect, it } from 'vitest';
import { detectKind, headerScore, mapHeaders, parseMapOption } from '../../src/ingest/mapping.js';

const fieldsOf = (headers: string[], kind: 'customers' | 'orders' | 'feedback', map = {}) =>
  Object.fromEntries(mapHeaders(headers, kind, map).columns.map((c) => [c.header, c.field]));

describe('header mapping', () => {
  it('maps Chinese customer headers to canonical fields and keeps unknown columns', () => {
    expect(fieldsOf(['客户编号', '客户名称', '手机号码', '电子邮箱', '公司名称', '省份', '城市', '注册日期', '备注'], 'customers')).toEqual({
      客户编号: 'customer_code', 客户名称: 'name', 手机号码: 'phone', 电子邮箱: 'email', 公司名称: 'company', 省份: 'province', 城市: 'city', 注册日期: 'registered_at', 备注: null,
    });
  });

  it('maps English headers regardless of case, spaces and underscores', () => {
    expect(fieldsOf(['Customer ID', 'FULL_NAME', 'Mobile Phone', 'E-mail', 'Sign Up Date'], 'customers')).toEqual({
      'Customer ID': 'customer_code', FULL_NAME: 'name', 'Mobile Phone': 'phone', 'E-mail': 'email', 'Sign Up Date': 'registered_at',
    });
  });

  it('finds a synonym inside a long survey question and ignores bracketed notes', () => {
    expect(fieldsOf(['提交时间', '您向朋友推荐我们的可能性（0-10分）', '满意度（1-5）', '评价内容'], 'feedback')).toEqual({
      提交时间: 'submitted_at', '您向朋友推荐我们的可能性（0-10分）': 'nps', '满意度（1-5）': 'csat', 评价内容: 'comment',
    });
  });

  it('reads the questions of a 问卷星 export and of an English survey tool', () => {
    expect(fieldsOf(['序号', '提交答卷时间', '1.您的手机号码', '2.您向朋友或同事推荐我们产品的可能性有多大？', '3.您对本次服务的总体满意度', '4.您觉得办理业务是否方便？', '5.您给出这个分数的主要原因是？'], 'feedback')).toEqual({
      序号: null, 提交答卷时间: 'submitted_at', '1.您的手机号码': 'phone', '2.您向朋友或同事推荐我们产品的可能性有多大？': 'nps', '3.您对本次服务的总体满意度': 'csat',
      '4.您觉得办理业务是否方便？': 'ces', '5.您给出这个分数的主要原因是？': 'comment',
    });
    const english = ['How likely is it that you would recommend us to a friend or colleague?', 'Overall, how satisfied or dissatisfied are you with our service?', 'How easy was it to get your issue resolved?', 'What is the primary reason for your score?'];
    expect(Object.values(fieldsOf(english, 'feedback'))).toEqual(['nps', 'csat', 'ces', 'comment']);
    expect(detectKind(english)).toBe('feedback');
  });

  it('reads a Taobao order export: the mobile over an empty 联系电话, the creation time over the payment time', () => {
    const headers = ['订单编号', '买家会员名', '总金额', '买家实际支付金额', '订单状态', '联系电话', '联系手机', '订单创建时间', '订单付款时间'];
    expect(fieldsOf(headers, 'orders')).toMatchObject({ 订单编号: 'order_code', 总金额: 'amount', 联系电话: null, 联系手机: 'phone', 订单创建时间: 'order_date', 订单付款时间: null });
    expect(detectKind(headers)).toBe('orders');
  });

  it('reads a HubSpot / Salesforce contact export: its record id, the mobile over the phone, the owner not as the name', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'City', 'State/Region', 'Contact owner'];
    expect(fieldsOf(headers, 'customers')).toMatchObject({
      'Record ID': 'customer_code', 'First Name': 'given_name', 'Last Name': 'family_name', 'Phone Number': null, 'Mobile Phone Number': 'phone', 'Contact owner': 'owner',
    });
    // in an orders export, a record id is the order's, not the customer's
    expect(fieldsOf(['Record ID', 'Order Date', 'Amount'], 'orders')['Record ID']).toBeNull();
  });

  it('reads a Shopify order export: the buyer from Billing Name, not the order name #1001', () => {
    const headers = ['Name', 'Email', 'Financial Status', 'Total', 'Created at', 'Billing Name', 'Billing Phone'];
    expect(fieldsOf(headers, 'orders')).toMatchObject({ Name: null, 'Billing Name': 'customer_name', 'Financial Status': 'status', Total: 'amount', 'Created at': 'order_date', 'Billing Phone': 'phone' });
    expect(fieldsOf(['Name', 'Total', 'Created at'], 'orders').Name).toBe('customer_name');
  });

  it('reads a line-item export (UCI Online Retail): unit price and quantity, not a price as the amount', () => {
    const headers = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    expect(detectKind(headers)).toBe('orders');
    expect(fieldsOf(headers, 'orders')).toEqual({
      InvoiceNo: 'order_code', StockCode: null, Description: 'product', Quantity: 'quantity', InvoiceDate: 'order_date', UnitPrice: 'unit_price', CustomerID: 'customer_code', Country: null,
    });
    expect(fieldsOf(['订单号', '商品名称', '单价', '数量', '实付金额', '下单时间'], 'orders')).toMatchObject({ 单价: 'unit_price', 实付金额: 'amount' });
    // Online Retail II names the unit price just Price: beside a quantity and no total it prices one unit
    expect(fieldsOf(['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'], 'orders')).toMatchObject({ Price: 'unit_price', Quantity: 'quantity', Invoice: 'order_code', 'Customer ID': 'customer_code' });
    expect(fieldsOf(['订单号', '数量', '价格', '下单时间'], 'orders').价格).toBe('unit_price');
    // with no quantity, or with a total beside it, a bare price is the amount
    expect(fieldsOf(['Order ID', 'Date', 'Price'], 'orders').Price).toBe('amount');
    expect(fieldsOf(['Order ID', 'Date', 'Quantity', 'Price', 'Total'], 'orders')).toMatchObject({ Total: 'amount', Price: null });
  });

  it('reads review exports: whole words inside camelCase headers, and the next field a header names when its best is taken', () => {
    const amazon = ['reviewerID', 'asin', 'reviewerName', 'helpful', 'reviewText', 'overall', 'summary', 'unixReviewTime', 'reviewTime'];
    expect(detectKind(amazon)).toBe('feedback');
    expect(fieldsOf(amazon, 'feedback')).toEqual({
      reviewerID: 'customer_code', asin: null, reviewerName: 'customer_name', helpful: null, reviewText: 'comment', overall: 'csat', summary: null, unixReviewTime: 'submitted_at', reviewTime: null,
    });
    const zendesk = ['Ticket ID', 'Requester', 'Requester email', 'Satisfaction Score', 'Satisfaction Comment', 'Created at'];
    expect(fieldsOf(zendesk, 'feedback')).toMatchObject({ 'Satisfaction Score': 'csat', 'Satisfaction Comment': 'comment', 'Requester email': 'email', Requester: 'customer_name' });
    // a header written as one lower-case word is still searched as a string
    expect(fieldsOf(['custemail', 'clientmobile'], 'customers')).toEqual({ custemail: 'email', clientmobile: 'phone' });
  });

  it('reads Chinese platform exports: 拼多多 and 抖店 orders, 企业微信 and 有赞 customers, a 小鹅通 survey', () => {
    const pdd = ['订单号', '商品', '商品规格', '商品数量(件)', '商品总价(元)', '店铺优惠折扣(元)', '用户实付金额(元)', '订单状态', '订单成交时间', '收货人', '手机'];
    // the time the order was made, and a discount that merely mentions the shop is not the channel
    expect(fieldsOf(pdd, 'orders')).toMatchObject({ 订单成交时间: 'order_date', '店铺优惠折扣(元)': null, '用户实付金额(元)': 'amount', 收货人: 'customer_name', 手机: 'phone' });
    const douyin = ['主订单编号', '子订单编号', '选购商品', '商品数量', '商品金额', '订单应付金额', '支付完成时间', '订单提交时间', '订单状态', '收件人', '收件人手机号'];
    expect(fieldsOf(douyin, 'orders')).toMatchObject({ 订单提交时间: 'order_date', 支付完成时间: null, 收件人: 'customer_name', 收件人手机号: 'phone' });
    expect(fieldsOf(['客户名称', '添加人', '添加时间', '手机号', '添加渠道'], 'customers')).toMatchObject({ 添加人: 'owner', 添加时间: 'registered_at', 添加渠道: 'channel' });
    expect(fieldsOf(['客户姓名', '手机号', '成为客户时间', '积分'], 'customers')).toMatchObject({ 成为客户时间: 'registered_at', 积分: null });
    expect(fieldsOf(['提交时间', '用户昵称', '手机号', '您的建议'], 'feedback')).toMatchObject({ 用户昵称: 'customer_name', 您的建议: 'comment' });
  });

  it('gives each field to one column only; the second is kept as extra', () => {
    expect(fieldsOf(['手机', '联系电话'], 'customers')).toEqual({ 手机: 'phone', 联系电话: null });
  });

  it('lets --map override and skip columns, and refuses unknown fields', () => {
    expect(fieldsOf(['col_1', 'col_2', '备注'], 'orders', { col_1: 'customer_code', col_2: 'order_date', 备注: 'skip' })).toEqual({ col_1: 'customer_code', col_2: 'order_date', 备注: null });
    expect(mapHeaders(['a'], 'orders', { a: 'skip' }).columns[0].how).toBe('skip');
    expect(() => mapHeaders(['a'], 'orders', { a: 'nonsense' })).toThrow(/not a orders field/);
  });

  it('detects the kind of a file from its header', () => {
    expect(detectKind(['订单号', '客户编号', '下单时间', '实付金额'])).toBe('orders');
    expect(detectKind(['提交时间', '手机号', 'NPS', '评价内容'])).toBe('feedback');
    expect(detectKind(['姓名', '手机', '城市'])).toBe('customers');
    expect(detectKind(['rec_id', 'given_name', 'surname', 'suburb', 'postcode', 'date_of_birth', 'soc_sec_id'])).toBe('customers');
    expect(detectKind(['foo', 'bar'])).toBeNull();
  });

  it('scores a header row above a title row and above data rows', () => {
    const title = headerScore(['2025年客户名单', '', '']);
    const header = headerScore(['客户名称', '手机', '城市']);
    const data = headerScore(['张伟', '13812345678', '深圳']);
    expect(header).toBeGreaterThan(title);
    expect(header).toBeGreaterThan(data);
  });

  it('parses --map values, repeated or comma separated, with full-width signs', () => {
    expect(parseMapOption(['会员卡号=customer_code', 'col_1=order_date,col_2=amount', '金额＝amount'])).toEqual({
      会员卡号: 'customer_code', col_1: 'order_date', col_2: 'amount', 金额: 'amount',
    });
    expect(() => parseMapOption(['nonsense'])).toThrow(/column=field/);
  });
});
