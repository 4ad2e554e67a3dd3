import { defineModule } from '../../platform/http/module-plugin.js';
import { registerCreditRoutes } from './credit.routes.js';
import { registerCreditWatchRoutes } from './credit-watch.routes.js';
// 信用: the credit ledger, scores and levels. Other modules record events through recordCreditEvent
// inside their own transactions, read levels through creditScoresOf, and stop blacklisted
// subjects through assertNotBlacklisted.
export {
  recordCreditEvent,
  creditScoresOf,
  creditRulePoints,
  wagePayRecordOf,
  type CreditEventInput,
} from './credit.core.js';
export {
  creditLevel,
  CREDIT_LEVEL_LABELS,
  CREDIT_BASE_SCORE,
  DEFAULT_CREDIT_POINTS,
  type CreditLevel,
  type CreditEventKind,
  type CreditSubject,
} from './credit-rules.js';
export { assertNotBlacklisted } from './credit-owner.service.js';
export { countPendingAppeals } from './credit.repository.js';
export {
  subjectInfo,
  subjectInfos,
  provideCreditWorkers,
  provideCreditEmployers,
  type SubjectInfo,
} from './credit-subjects.js';
export { recordLateCancel, jobStartAt } from './credit-late-cancel.js';
export { creditLevelCondition, creditScoreSql, CREDIT_LEVEL_RANGES } from './credit-level-sql.js';

/** The credit module as a Fastify plugin: all its routes. */
export const creditModule = defineModule('credit', [registerCreditRoutes, registerCreditWatchRoutes]);
