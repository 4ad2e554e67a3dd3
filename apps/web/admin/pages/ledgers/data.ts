import {
  FOLLOWUP_STATUS_LABELS,
  GENDER_LABELS,
  MATCHMAKING_CHANNEL_LABELS,
  MATCHMAKING_KIND_LABELS,
  MATCHMAKING_SOURCE_LABELS,
  PRIORITY_GROUP_LIST,
  REGISTRATION_CHANNEL_LABELS,
} from '@lingong/contracts/labels';
import type { QueryValue } from '@shared/api';
import { formatDateTime } from '@shared/format';
import { listLedger, type LedgerKind, type LedgerRowOf } from '../../api/ledgers';

// Ledger tables of the console: the columns a reviewer expects, as display strings.

export type { LedgerKind };
export type LedgerColumn = { key: string; label: string; width?: number };
export type LedgerRows = {
  rows: (Record<string, string> & { id: string; workerId: string; workerName: string })[];
  total: number;
};
export type LedgerDef = {
  kind: LedgerKind;
  title: string;
  exportName: string;
  columns: LedgerColumn[];
  fetch(query: Record<string, QueryValue>): Promise<LedgerRows>;
};

type Col<R> = { label: string; width?: number; value: (r: R) => string };

function ledger<K extends LedgerKind>(
  kind: K,
  title: string,
  ids: (r: LedgerRowOf[K]) => { id: string; workerId: string; workerName: string },
  cols: Col<LedgerRowOf[K]>[],
): LedgerDef {
  return {
    kind,
    title,
    exportName: `${title}.xlsx`,
    columns: cols.map((c, i) => ({ key: `c${i}`, label: c.label, width: c.width })),
    async fetch(query) {
      const page = await listLedger(kind, query);
      return {
        total: page.total,
        rows: page.items.map((r) => ({ ...Object.fromEntries(cols.map((c, i) => [`c${i}`, c.value(r)])), ...ids(r) })),
      };
    },
  };
}

const time = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : '');

export const LEDGERS: Record<LedgerKind, LedgerDef> = {
  registrations: ledger(
    'registrations',
    '求职登记台账',
    (r) => ({ id: r.workerId, workerId: r.workerId, workerName: r.nameMasked }),
    [
      { label: '姓名', width: 80, value: (r) => r.nameMasked },
      { label: '性别', width: 60, value: (r) => (r.gender ? GENDER_LABELS[r.gender] : '') },
      { label: '公民身份号码', width: 170, value: (r) => r.idNumberMasked ?? '' },
      { label: '联系电话', width: 120, value: (r) => r.phoneMasked ?? '' },
      { label: '户籍/现居住地', width: 150, value: (r) => r.homeRegionName },
      { label: '重点群体', width: 140, value: (r) => r.priorityGroups.join('、') },
      { label: '登记渠道', width: 100, value: (r) => REGISTRATION_CHANNEL_LABELS[r.channel] },
      { label: '登记人', width: 120, value: (r) => r.recorderName ?? (r.channel === 'online' ? '本人线上登记' : '—') },
      { label: '登记时间', width: 140, value: (r) => time(r.registeredAt) },
      {
        label: '跟踪',
        width: 140,
        value: (r) =>
          r.latestFollowup ? `${FOLLOWUP_STATUS_LABELS[r.latestFollowup.status]}（${r.followupCount}次）` : '未跟踪',
      },
    ],
  ),
  followups: ledger(
    'followups',
    '跟踪服务台账',
    (r) => ({ id: r.id, workerId: r.workerId, workerName: r.workerNameMasked }),
    [
      { label: '姓名', width: 80, value: (r) => r.workerNameMasked },
      { label: '所在地', width: 150, value: (r) => r.regionName },
      { label: '联系时间', width: 140, value: (r) => time(r.contactedAt) },
      { label: '跟踪状态', width: 90, value: (r) => FOLLOWUP_STATUS_LABELS[r.status] },
      { label: '情况说明', value: (r) => r.note },
      { label: '下次跟踪', width: 110, value: (r) => r.nextDate ?? '' },
      { label: '记录人', width: 120, value: (r) => r.recorderName ?? '—' },
    ],
  ),
  matchmakings: ledger(
    'matchmakings',
    '招聘求职对接台账',
    (r) => ({ id: r.id, workerId: r.workerId, workerName: r.workerNameMasked }),
    [
      { label: '求职者', width: 80, value: (r) => r.workerNameMasked },
      { label: '所在地', width: 150, value: (r) => r.regionName },
      { label: '岗位', value: (r) => r.jobTitle ?? '' },
      { label: '用工主体', value: (r) => r.employerName ?? '' },
      { label: '渠道', width: 70, value: (r) => MATCHMAKING_CHANNEL_LABELS[r.channel] },
      { label: '方式', width: 70, value: (r) => MATCHMAKING_KIND_LABELS[r.kind] },
      { label: '来源', width: 90, value: (r) => MATCHMAKING_SOURCE_LABELS[r.source] },
      { label: '对接时间', width: 140, value: (r) => time(r.occurredAt) },
      { label: '记录人', width: 120, value: (r) => r.recorderName ?? (r.source === 'auto' ? '系统自动' : '—') },
    ],
  ),
  guidance: ledger(
    'guidance',
    '职业指导台账',
    (r) => ({ id: r.id, workerId: r.workerId, workerName: r.workerNameMasked }),
    [
      { label: '姓名', width: 80, value: (r) => r.workerNameMasked },
      { label: '所在地', width: 150, value: (r) => r.regionName },
      { label: '指导时间', width: 140, value: (r) => time(r.sessionAt) },
      { label: '主题', width: 110, value: (r) => r.topic },
      { label: '择业建议', value: (r) => r.advice },
      { label: '下一步', width: 140, value: (r) => r.nextStep },
      { label: '回访日期', width: 110, value: (r) => r.followupDate ?? '' },
      { label: '指导人', width: 120, value: (r) => r.recorderName ?? '—' },
    ],
  ),
};

export const PRIORITY_GROUPS: readonly string[] = PRIORITY_GROUP_LIST;
export const GUIDANCE_TOPICS = ['择业方向', '求职技巧', '职业规划', '技能培训建议', '创业指导', '就业政策咨询'];
export { FOLLOWUP_STATUS_LABELS, REGISTRATION_CHANNEL_LABELS };
