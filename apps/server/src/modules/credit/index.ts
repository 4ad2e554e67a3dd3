// 信用: the credit ledger, scores and levels. Other modules record events through recordCreditEvent
// inside their own transactions and read levels through creditScoresOf.
export { recordCreditEvent, creditScoresOf, creditRulePoints, type CreditEventInput } from './credit.core.js';
export { creditLevel, CREDIT_LEVEL_LABELS, CREDIT_BASE_SCORE, DEFAULT_CREDIT_POINTS, type CreditLevel, type CreditEventKind, type CreditSubject } from './credit-rules.js';
