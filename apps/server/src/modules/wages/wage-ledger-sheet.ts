// 薪酬台账 as a sheet: the console export and the acceptance pack (验收材料包) share one column list.
import type { WageStatement } from '@lingong/contracts';
import { collectPages, SEQ_COLUMN, type SheetSpec } from '../../platform/reporting/index.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { wageLedger, type WagesDeps } from './wages.service.js';

const y = (fen: number) => fen / 100;
const PAY_LABELS = { cash: '现金', bank_transfer: '银行转账', entrusted: '委托结算' } as const;

export const WAGE_LEDGER_SHEET: SheetSpec<WageStatement> = {
  name: '薪酬台账',
  columns: [
    SEQ_COLUMN,
    { header: '用工主体', width: 24, value: (r) => r.employerName },
    { header: '岗位', width: 20, value: (r) => r.jobTitle },
    { header: '工人', width: 10, value: (r) => r.workerName },
    { header: '结算期间', width: 24, value: (r) => `${r.periodStart}至${r.periodEnd}` },
    { header: '计量', width: 14, value: (r) => r.quantityText },
    { header: '约定单价(元)', width: 12, value: (r) => y(r.rateFen) },
    { header: '应发(元)', width: 12, value: (r) => y(r.baseFen) },
    { header: '加项(元)', width: 10, value: (r) => y(r.additionsFen) },
    { header: '扣款(元)', width: 10, value: (r) => y(r.deductionsFen) },
    { header: '实发(元)', width: 12, value: (r) => y(r.totalFen) },
    { header: '状态', width: 10, value: (r) => r.statusLabel },
    { header: '应付日', width: 12, value: (r) => r.dueDate },
    { header: '是否逾期', width: 10, value: (r) => (r.overdue ? '逾期' : '') },
    { header: '支付方式', width: 12, value: (r) => (r.payment ? PAY_LABELS[r.payment.method] : '') },
    { header: '支付凭证号', width: 20, value: (r) => r.payment?.reference ?? '' },
    { header: '升级至', width: 16, value: (r) => r.escalations.at(-1)?.levelLabel ?? '' },
  ],
};

/** Every statement in the actor's region (one town, if given) whose period ends within [from, to]. */
export function wageLedgerRows(
  deps: WagesDeps,
  actor: StaffActor,
  q: { from: string; to: string; townCode?: string | undefined },
): Promise<WageStatement[]> {
  return collectPages((page, pageSize) =>
    wageLedger(deps, actor, { page, pageSize, townCode: q.townCode, periodFrom: q.from, periodTo: q.to }),
  );
}
