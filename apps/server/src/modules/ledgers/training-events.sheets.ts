import {
  COURSE_FUNDING_LABELS,
  DELIVERY_PARTY_LABELS,
  EVENT_KIND_LABELS,
  STATION_EVENT_KIND_LABELS,
  type ClassSessionLedgerRow,
  type DeliveryLedgerRow,
  type EventLedgerRow,
  type RecommendationLedgerRow,
} from '@lingong/contracts';
import { shanghaiTime, type SheetSpec } from '../../platform/reporting/index.js';

// Sheets of the training and events ledgers: Chinese headers, who recorded it and when.

const seq = { header: '序号', width: 8, value: (_r: unknown, i: number) => i + 1 };
const count = (n: number | null) => (n === null ? '未确认' : n);

export const CLASS_SESSION_SHEET: SheetSpec<ClassSessionLedgerRow> = {
  name: '培训课时台账',
  columns: [
    seq,
    { header: '课程名称', width: 26, value: (r) => r.courseTitle },
    { header: '培训工种', width: 12, value: (r) => r.trade },
    { header: '培训机构', width: 24, value: (r) => r.providerName },
    { header: '培训类型', width: 10, value: (r) => COURSE_FUNDING_LABELS[r.funding] },
    { header: '课次', width: 8, value: (r) => r.seq },
    { header: '上课时间', width: 18, value: (r) => shanghaiTime(r.heldAt) },
    { header: '课时内容', width: 30, value: (r) => r.topic },
    { header: '授课老师', width: 12, value: (r) => r.teacher },
    { header: '出勤人数', width: 10, value: (r) => r.present },
    { header: '所在地', width: 20, value: (r) => r.regionName },
    { header: '记录人', width: 14, value: (r) => r.recorderName ?? '—' },
  ],
};

export const RECOMMENDATION_SHEET: SheetSpec<RecommendationLedgerRow> = {
  name: '培训推荐台账',
  columns: [
    seq,
    { header: '姓名', width: 12, value: (r) => r.workerNameMasked },
    { header: '所在地', width: 22, value: (r) => r.regionName },
    { header: '推荐课程', width: 26, value: (r) => r.courseTitle },
    { header: '培训工种', width: 12, value: (r) => r.trade },
    { header: '培训类型', width: 10, value: (r) => COURSE_FUNDING_LABELS[r.funding] },
    { header: '推荐渠道', width: 10, value: () => '短信推送' },
    { header: '推荐时间', width: 18, value: (r) => shanghaiTime(r.sentAt) },
    { header: '推荐人', width: 14, value: (r) => r.recorderName ?? '—' },
  ],
};

export const EVENT_SHEET: SheetSpec<EventLedgerRow> = {
  name: '招聘活动台账',
  columns: [
    seq,
    { header: '活动名称', width: 28, value: (r) => r.title },
    { header: '活动类型', width: 12, value: (r) => EVENT_KIND_LABELS[r.kind] },
    {
      header: '驿站活动类型',
      width: 14,
      value: (r) => (r.stationKind ? STATION_EVENT_KIND_LABELS[r.stationKind] : ''),
    },
    { header: '举办时间', width: 18, value: (r) => shanghaiTime(r.heldAt) },
    { header: '地点', width: 24, value: (r) => r.place },
    { header: '直播平台', width: 12, value: (r) => r.platform },
    { header: '直播链接', width: 30, value: (r) => r.link },
    { header: '所在地', width: 16, value: (r) => r.regionName },
    { header: '参会单位数', width: 10, value: (r) => r.employers },
    { header: '岗位数', width: 8, value: (r) => r.jobs },
    { header: '签到人数', width: 10, value: (r) => r.attendees },
    { header: '达成意向', width: 10, value: (r) => r.intentions },
    { header: '录用人数', width: 10, value: (r) => r.hires },
    { header: '记录人', width: 14, value: (r) => r.recorderName ?? '—' },
  ],
};

export const DELIVERY_SHEET: SheetSpec<DeliveryLedgerRow> = {
  name: '送工台账',
  columns: [
    seq,
    { header: '用工企业', width: 26, value: (r) => r.employerName },
    { header: '送工主体', width: 20, value: (r) => r.sender },
    { header: '送工日期', width: 12, value: (r) => r.deliveredOn },
    { header: '名单人数', width: 10, value: (r) => r.workerCount },
    { header: `${DELIVERY_PARTY_LABELS.enterprise}确认`, width: 12, value: (r) => count(r.enterpriseCount) },
    { header: `${DELIVERY_PARTY_LABELS.sender}确认`, width: 12, value: (r) => count(r.senderCount) },
    { header: `${DELIVERY_PARTY_LABELS.bureau}确认`, width: 12, value: (r) => count(r.bureauCount) },
    { header: '差异说明', width: 36, value: (r) => r.discrepancy },
    { header: '所在地', width: 16, value: (r) => r.regionName },
    { header: '记录人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};
