/** The kinds of record custops imports, and their canonical fields with the header names people use. */
export type Kind = 'customers' | 'orders' | 'feedback' | 'tickets';
export const kinds: Kind[] = ['customers', 'orders', 'feedback', 'tickets'];
/** Kinds whose records belong to a customer (linked after import). */
export const linkedKinds = ['orders', 'feedback', 'tickets'] as const;

export interface FieldSpec {
  field: string;
  synonyms: string[];
  /** Fields only this kind has: they decide which kind a file holds. */
  signature?: boolean;
  /** Words that make a header containing a synonym something else ("店铺优惠折扣" holds 店铺 but is a discount, not the shop). */
  notWhenContaining?: string[];
}

/** A header that names money is not a channel, whatever shop or platform it mentions. */
const moneyWords = ['优惠', '折扣', '金额', '费', '价', '元', 'discount', 'fee', 'amount', 'price', 'cost'];

const who: FieldSpec[] = [
  { field: 'customer_code', synonyms: ['客户编号', '客户编码', '客户id', '客户代码', '客户号', '会员id', '会员编号', '会员号', '会员卡号', '用户id', '用户编号', 'customer id', 'customer code', 'customer no', 'customer number', 'cust id', 'customerid', 'client id', 'member id', 'account id', 'user id', 'reviewer id', 'rec_id'] },
  // mobiles first: a customer is known by their mobile, an export's 联系电话 is often an empty landline column
  { field: 'phone', synonyms: ['手机', '手机号', '手机号码', '联系手机', '收货人手机', '移动电话', 'mobile', 'mobile phone', 'mobile phone number', 'mobile number', 'mobile no', 'cell', 'cell phone', 'cellphone', '联系电话', '电话', '电话号码', '联系方式', 'phone', 'phone number', 'tel', 'telephone', 'contact number'] },
  { field: 'email', synonyms: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'email address'] },
];

const customerName = { field: 'name', synonyms: ['客户名称', '客户姓名', '姓名', '名称', '客户', '联系人', '会员姓名', '用户名', '用户姓名', '用户昵称', '微信昵称', '昵称', 'name', 'customer name', 'full name', 'contact', 'contact name', 'client name', 'nickname'] };
// a bare "Name" last: in an order export it may be the order's (Shopify: Name = #1001, Billing Name = the buyer)
const buyerName = {
  field: 'customer_name',
  synonyms: [...customerName.synonyms.filter((s) => s !== 'name'), '买家', '收货人', '收货人姓名', '收件人', '收件人姓名', '下单人', 'buyer', 'recipient', 'ship to name', 'buyer name', 'billing name', 'shipping name', 'reviewer name', 'reviewer', 'author', 'user name', 'username', 'requester', 'name'],
};

export const fieldSpecs: Record<Kind, FieldSpec[]> = {
  customers: [
    // in a customer list its own id is the customer's (CRM exports: Record ID, Contact ID)
    ...who.map((f) => (f.field === 'customer_code' ? { ...f, synonyms: [...f.synonyms, 'id', '编号', 'record id', 'contact id'] } : f)),
    customerName,
    { field: 'given_name', synonyms: ['名', 'given name', 'given_name', 'first name', 'firstname', 'forename'], signature: true },
    { field: 'family_name', synonyms: ['姓', '姓氏', 'family name', 'surname', 'last name', 'lastname'], signature: true },
    { field: 'gender', synonyms: ['性别', 'gender', 'sex'], signature: true },
    { field: 'company', synonyms: ['公司', '公司名称', '单位', '单位名称', '企业名称', '所属公司', '工作单位', 'company', 'company name', 'organisation', 'organization', 'employer', 'account name'], signature: true },
    { field: 'credit_code', synonyms: ['统一社会信用代码', '信用代码', '税号', '纳税人识别号', 'credit code', 'uscc', 'tax id', 'vat number'], signature: true },
    { field: 'id_number', synonyms: ['身份证', '身份证号', '证件号', '证件号码', 'id number', 'national id', 'ssn', 'soc_sec_id', 'social security number'], signature: true },
    { field: 'province', synonyms: ['省份', '省', '所在省份', '省/直辖市', '地区', 'province', 'state', 'region'], signature: true },
    { field: 'city', synonyms: ['城市', '市', '所在城市', '城市名称', 'city', 'town', 'suburb'], signature: true },
    { field: 'district', synonyms: ['区县', '区', '县', 'district', 'county'], signature: true },
    { field: 'address', synonyms: ['地址', '详细地址', '通讯地址', '联系地址', '收货地址', 'address', 'street', 'address 1', 'address_1', 'address line 1'], signature: true },
    { field: 'address2', synonyms: ['地址2', 'address 2', 'address_2', 'address line 2'], signature: true },
    { field: 'street_number', synonyms: ['门牌号', 'street number', 'street_number', 'house number'], signature: true },
    { field: 'postcode', synonyms: ['邮编', '邮政编码', 'postcode', 'post code', 'postal code', 'zip', 'zip code'], signature: true },
    { field: 'industry', synonyms: ['行业', '所属行业', '行业类别', 'industry', 'sector'], signature: true },
    { field: 'channel', synonyms: ['渠道', '来源', '客户来源', '来源渠道', '获客渠道', 'channel', 'source', 'lead source'] },
    { field: 'owner', synonyms: ['负责人', '销售', '客户经理', '归属销售', '所属销售', '负责销售', '跟进人', '添加人', '所属员工', 'owner', 'sales rep', 'account manager', 'contact owner', 'account owner', 'lead owner', 'record owner'], signature: true },
    { field: 'level', synonyms: ['客户等级', '等级', '会员等级', '客户级别', 'level', 'tier', 'customer level', 'grade'], signature: true },
    { field: 'registered_at', synonyms: ['注册日期', '注册时间', '开户日期', '创建时间', '建档日期', '入会日期', '成为客户时间', '成为会员时间', '添加时间', '加入时间', '首次合作时间', 'registered', 'registration date', 'signup date', 'sign up date', 'created', 'created at', 'join date', 'customer since'], signature: true },
    { field: 'birth_date', synonyms: ['出生日期', '生日', 'birthday', 'birth date', 'date of birth', 'date_of_birth', 'dob'], signature: true },
    { field: 'contract_end', synonyms: ['合同到期', '合同到期日', '合同截止日期', '合同结束日期', '到期日', '到期日期', 'contract end', 'contract end date', 'renewal date', 'expiry date'], signature: true },
    { field: 'annual_revenue', synonyms: ['年营收', '年收入', '年营业额', '年度营收', '年采购额', 'annual revenue', 'revenue', 'annual sales'], signature: true },
  ],
  orders: [
    ...who,
    buyerName,
    { field: 'order_code', synonyms: ['订单号', '订单编号', '订单id', '单号', '交易号', '流水号', 'order id', 'order no', 'order number', 'order code', 'orderid', 'invoice', 'invoice no', 'transaction id'], signature: true },
    // when the order was placed, not when it was paid: an unpaid or closed order has no payment time
    { field: 'order_date', synonyms: ['下单时间', '下单日期', '订单创建时间', '订单提交时间', '提交订单时间', '订单成交时间', '成交时间', '创建时间', '订单日期', '订单时间', '交易时间', '交易日期', '成交日期', '购买日期', '日期', 'order date', 'order time', 'date', 'purchase date', 'transaction date', 'invoice date', 'created at', '付款时间', '支付时间', '支付完成时间', '付款完成时间', 'paid at'], signature: true },
    { field: 'amount', synonyms: ['金额', '订单金额', '实付金额', '实付款', '支付金额', '成交金额', '交易金额', '总金额', '合计', '销售额', '应付金额', 'amount', 'order amount', 'total', 'total amount', 'price', 'revenue', 'sales', 'value', 'paid amount', '价格', '售价', '商品价格'], signature: true },
    { field: 'currency', synonyms: ['币种', '货币', 'currency'], signature: true },
    { field: 'status', synonyms: ['状态', '订单状态', '交易状态', '支付状态', 'status', 'order status', 'payment status'], signature: true },
    { field: 'quantity', synonyms: ['数量', '件数', '购买数量', 'quantity', 'qty', 'units', 'number of items'], signature: true },
    // a line-item export prices one unit: the amount is then unit price × quantity
    { field: 'unit_price', synonyms: ['单价', '商品单价', '销售单价', '成交单价', '宝贝单价', 'unit price', 'unitprice', 'price each', 'price per unit', 'item price', 'lineitem price', 'unit cost'], signature: true },
    { field: 'product', synonyms: ['商品', '商品名称', '产品', '产品名称', '品名', '宝贝标题', '商品标题', 'sku', 'product', 'product name', 'item', 'item name', 'description', 'item description', 'product description', 'lineitem name'], signature: true },
    { field: 'channel', synonyms: ['渠道', '销售渠道', '来源', '店铺', '平台', 'channel', 'source', 'store', 'platform'], notWhenContaining: moneyWords },
  ],
  feedback: [
    ...who,
    buyerName,
    { field: 'feedback_code', synonyms: ['反馈编号', '问卷编号', '评价编号', '工单号', '答卷编号', 'feedback id', 'response id', 'survey id', 'review id'], signature: true },
    { field: 'submitted_at', synonyms: ['提交时间', '反馈时间', '评价时间', '答卷时间', '日期', '时间', 'submitted', 'submitted at', 'date', 'response date', 'created at', 'timestamp', 'review date', 'unix review time'], signature: true },
    { field: 'nps', synonyms: ['nps', '推荐意愿', '推荐度', '推荐指数', '推荐分', '净推荐值', '您向朋友推荐我们的可能性', 'likelihood to recommend', 'recommend score', 'nps score', '推荐', 'recommend'], signature: true },
    { field: 'csat', synonyms: ['csat', '满意度', '满意度评分', '满意度打分', '总体满意度', '评分', '星级', 'satisfaction', 'csat score', 'rating', 'stars', 'score', 'overall', 'overall rating', 'star rating', 'review rating', 'review score', '满意', 'satisfied'], signature: true },
    // survey questions name the effort by its opposite as often: 办理是否方便 / how easy was it
    { field: 'ces', synonyms: ['ces', '费力度', '客户费力度', '省力度', '办理难易度', 'effort', 'customer effort', 'ces score', '方便', '容易', '轻松', '便捷', '费力', '省力', 'easy'], signature: true },
    { field: 'channel', synonyms: ['渠道', '反馈渠道', '来源', 'channel', 'source'] },
    { field: 'comment', synonyms: ['评价内容', '评价', '反馈内容', '反馈', '意见', '建议', '留言', '备注', '内容', '评论', '文本', 'comment', 'comments', 'feedback', 'review', 'text', 'verbatim', 'remarks', 'message', 'note', '原因', 'reason'], signature: true },
  ],
  tickets: [
    ...who,
    buyerName,
    { field: 'ticket_code', synonyms: ['工单号', '工单编号', '服务单号', '投诉单号', 'ticket id', 'ticket no', 'ticket number', 'case id', 'case number'], signature: true },
    { field: 'opened_at', synonyms: ['创建时间', '开单时间', '受理时间', '提交时间', '报修时间', 'opened', 'opened at', 'created', 'created at', 'created time'], signature: true },
    { field: 'first_response_at', synonyms: ['首次响应时间', '首响时间', '响应时间', '首次回复时间', 'first response', 'first response at', 'first reply', 'responded at'], signature: true },
    { field: 'resolved_at', synonyms: ['解决时间', '关闭时间', '完成时间', '结案时间', 'resolved', 'resolved at', 'closed', 'closed at', 'solved at'], signature: true },
    { field: 'channel', synonyms: ['渠道', '来源渠道', '受理渠道', '来源', 'channel', 'source', 'via', 'case origin', 'origin'] },
    { field: 'priority', synonyms: ['优先级', '紧急程度', 'priority', 'urgency', 'severity'], signature: true },
    { field: 'subject', synonyms: ['主题', '标题', '问题描述', '问题类型', 'subject', 'title', 'summary', 'issue'], signature: true },
  ],
};

/** Canonical column names of each kind (what --map may target). */
export function fieldNames(kind: Kind): string[] {
  return fieldSpecs[kind].map((s) => s.field);
}

/** Header text → comparable key: NFKC, lower case, no spaces/underscores/punctuation/required-marks. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/[\s_\-*:：.#/\\'"’]+/g, '');
}
