import {
  FOLLOWUP_STATUS_LABELS,
  MATCHMAKING_CHANNEL_LABELS,
  MATCHMAKING_KIND_LABELS,
  MATCHMAKING_SOURCE_LABELS,
  REGISTRATION_CHANNEL_LABELS,
  type FollowupLedgerRow,
  type GuidanceLedgerRow,
  type MatchmakingLedgerRow,
  type RegistrationLedgerRow,
} from '@lingong/contracts';
import { GENDER_LABELS } from '@lingong/contracts/labels';
import { SEQ_COLUMN, shanghaiTime, type SheetSpec } from '../../platform/reporting/index.js';

// Ledger sheets: Chinese headers in row 1, one row per record, who recorded it, when and through
// which channel. The same sheets go into single exports and the acceptance pack.

const seq = SEQ_COLUMN;
const recorder = (name: string | null, fallback = '—') => name ?? fallback;

export const REGISTRATION_SHEET: SheetSpec<RegistrationLedgerRow> = {
  name: '求职登记台账',
  columns: [
    seq,
    { header: '姓名', width: 12, value: (r) => r.nameMasked },
    { header: '性别', width: 6, value: (r) => (r.gender ? GENDER_LABELS[r.gender] : '') },
    { header: '公民身份号码', width: 22, value: (r) => r.idNumberMasked ?? '' },
    { header: '联系电话', width: 15, value: (r) => r.phoneMasked ?? '' },
    { header: '户籍/现居住地', width: 22, value: (r) => r.homeRegionName },
    { header: '重点群体类别', width: 24, value: (r) => r.priorityGroups.join('、') },
    { header: '登记渠道', width: 12, value: (r) => REGISTRATION_CHANNEL_LABELS[r.channel] },
    {
      header: '登记人',
      width: 16,
      value: (r) => recorder(r.recorderName, r.channel === 'online' ? '本人线上登记' : '—'),
    },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.registeredAt) },
    { header: '跟踪次数', width: 10, value: (r) => r.followupCount },
    {
      header: '最近跟踪状态',
      width: 14,
      value: (r) => (r.latestFollowup ? FOLLOWUP_STATUS_LABELS[r.latestFollowup.status] : ''),
    },
    {
      header: '最近跟踪时间',
      width: 18,
      value: (r) => (r.latestFollowup ? shanghaiTime(r.latestFollowup.contactedAt) : ''),
    },
    { header: '下次跟踪日期', width: 14, value: (r) => r.latestFollowup?.nextDate ?? '' },
  ],
};

export const FOLLOWUP_SHEET: SheetSpec<FollowupLedgerRow> = {
  name: '跟踪服务台账',
  columns: [
    seq,
    { header: '姓名', width: 12, value: (r) => r.workerNameMasked },
    { header: '所在地', width: 22, value: (r) => r.regionName },
    { header: '联系时间', width: 18, value: (r) => shanghaiTime(r.contactedAt) },
    { header: '跟踪状态', width: 10, value: (r) => FOLLOWUP_STATUS_LABELS[r.status] },
    { header: '情况说明', width: 40, value: (r) => r.note },
    { header: '下次跟踪日期', width: 14, value: (r) => r.nextDate ?? '' },
    { header: '记录人', width: 16, value: (r) => recorder(r.recorderName) },
  ],
};

export const MATCHMAKING_SHEET: SheetSpec<MatchmakingLedgerRow> = {
  name: '招聘求职对接台账',
  columns: [
    seq,
    { header: '求职者姓名', width: 12, value: (r) => r.workerNameMasked },
    { header: '所在地', width: 22, value: (r) => r.regionName },
    { header: '岗位', width: 24, value: (r) => r.jobTitle ?? '' },
    { header: '用工主体', width: 26, value: (r) => r.employerName ?? '' },
    { header: '对接渠道', width: 10, value: (r) => MATCHMAKING_CHANNEL_LABELS[r.channel] },
    { header: '对接方式', width: 10, value: (r) => MATCHMAKING_KIND_LABELS[r.kind] },
    { header: '记录来源', width: 10, value: (r) => MATCHMAKING_SOURCE_LABELS[r.source] },
    { header: '对接时间', width: 18, value: (r) => shanghaiTime(r.occurredAt) },
    { header: '记录人', width: 16, value: (r) => recorder(r.recorderName, r.source === 'auto' ? '系统自动' : '—') },
    { header: '备注', width: 30, value: (r) => r.note },
  ],
};

export const GUIDANCE_SHEET: SheetSpec<GuidanceLedgerRow> = {
  name: '职业指导台账',
  columns: [
    seq,
    { header: '姓名', width: 12, value: (r) => r.workerNameMasked },
    { header: '所在地', width: 22, value: (r) => r.regionName },
    { header: '指导时间', width: 18, value: (r) => shanghaiTime(r.sessionAt) },
    { header: '指导主题', width: 18, value: (r) => r.topic },
    { header: '择业建议', width: 40, value: (r) => r.advice },
    { header: '下一步安排', width: 30, value: (r) => r.nextStep },
    { header: '回访日期', width: 14, value: (r) => r.followupDate ?? '' },
    { header: '指导人', width: 16, value: (r) => recorder(r.recorderName) },
  ],
};
