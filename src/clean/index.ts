export { normaliseText, normaliseValue, isPlaceholder, hasHan } from './text.js';
export { toSimplified } from './han.js';
export { nameNorm, nameKey, joinNameParts } from './name.js';
export { parsePhone, type PhoneResult } from './phone.js';
export { parseEmail, domainTypoFix, type EmailResult } from './email.js';
export { parseDate, type DateOptions, type DateResult } from './date.js';
export { parseMoney, type MoneyResult } from './money.js';
export { normaliseProvince, normaliseCity, cityFromPhone, provinceOfCity, isRegionName } from './region.js';
export { companyKey } from './company.js';
export { parseOrderStatus, type OrderStatus } from './status.js';
export { parseScore, type ScoreResult } from './score.js';
export {
  normaliseCustomer,
  normaliseOrder,
  normaliseFeedback,
  defaultNormaliseOptions,
  type NormaliseOptions,
  type Problem,
  type Normalised,
  type Raw,
  type Values,
} from './records.js';
export { normaliserHash } from './version.js';
export { addPlaceholderProblems, issueWriter, type IssueWriter } from './problems.js';
