import type { DutyDay, DutyShift, FacilityCheck, StationVisit } from '@lingong/contracts';
import { DUTY_PLACE_LABELS, FACILITY_RESULT_LABELS } from '@lingong/contracts/labels';
import type { DbOrTx } from '../../db/client.js';
import { findChecks, findDuties, findVisits, type DutyRow } from './operations.repository.js';
import { type Fetched, shanghaiTime, type SheetSpec, type Slice, type Window } from '../../platform/reporting/index.js';

// 运营日志 ledgers: duty roster, daily check, station guidance visits, facility checks.

const MARKET_NAME = '零工市场（服务大厅）';

export function dutyFetcher(db: DbOrTx, f: { place?: DutyRow['place']; id?: string } = {}) {
  return async (w: Window, slice: Slice): Promise<Fetched<DutyShift>> => {
    const { items: rows, total } = await findDuties(db, w, f, slice);
    return {
      total,
      items: rows.map(({ d, staffName, stationName, recorderName }) => ({
        id: d.id,
        dutyDate: d.dutyDate,
        staffId: d.staffId,
        staffName: staffName ?? '',
        place: d.place,
        stationId: d.stationId,
        placeName: d.place === 'market' ? MARKET_NAME : (stationName ?? ''),
        onTime: d.onTime,
        offTime: d.offTime,
        note: d.note,
        regionCode: d.regionCode,
        recorderName,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  };
}

export function visitFetcher(db: DbOrTx, id?: string) {
  return async (w: Window, slice: Slice): Promise<Fetched<StationVisit>> => {
    const { items: rows, total } = await findVisits(db, w, slice, id);
    return {
      total,
      items: rows.map(({ v, stationName, visitorName, recorderName }) => ({
        id: v.id,
        stationId: v.stationId,
        stationName: stationName ?? '',
        visitedOn: v.visitedOn,
        visitorStaffId: v.visitorStaffId,
        visitorName: visitorName ?? '',
        content: v.content,
        issuesFound: v.issuesFound,
        followUp: v.followUp,
        regionCode: v.regionCode,
        recorderName,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  };
}

export function checkFetcher(db: DbOrTx, id?: string) {
  return async (w: Window, slice: Slice): Promise<Fetched<FacilityCheck>> => {
    const { items: rows, total } = await findChecks(db, w, slice, id);
    return {
      total,
      items: rows.map(({ c, stationName, recorderName }) => ({
        id: c.id,
        stationId: c.stationId,
        placeName: c.stationId ? (stationName ?? '') : MARKET_NAME,
        checkedOn: c.checkedOn,
        items: c.items,
        result: c.result,
        faults: c.faults,
        followUp: c.followUp,
        regionCode: c.regionCode,
        recorderName,
        createdAt: c.createdAt.toISOString(),
      })),
    };
  };
}

const seq = { header: '序号', width: 8, value: (_r: unknown, i: number) => i + 1 };

export const DUTY_SHEET: SheetSpec<DutyShift> = {
  name: '值班记录',
  columns: [
    seq,
    { header: '值班日期', width: 12, value: (r) => r.dutyDate },
    { header: '值班人员', width: 14, value: (r) => r.staffName },
    { header: '值班地点', width: 10, value: (r) => DUTY_PLACE_LABELS[r.place] },
    { header: '场所', width: 24, value: (r) => r.placeName },
    { header: '上岗时间', width: 10, value: (r) => r.onTime },
    { header: '离岗时间', width: 10, value: (r) => r.offTime },
    { header: '备注', width: 24, value: (r) => r.note },
    { header: '记录人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};

export const DUTY_DAY_SHEET: SheetSpec<DutyDay> = {
  name: '每日在岗核查',
  columns: [
    seq,
    { header: '日期', width: 12, value: (r) => r.date },
    { header: '服务时间', width: 14, value: (r) => `${r.open}-${r.close}` },
    { header: '值班人数', width: 10, value: (r) => r.staffCount },
    { header: '最少在岗人数', width: 12, value: (r) => r.minOnSite },
    { header: '要求', width: 8, value: (r) => `≥${r.required}` },
    { header: '是否达标', width: 10, value: (r) => (r.met ? '达标' : '未达标') },
    { header: '说明', width: 50, value: (r) => r.reason },
  ],
};

export const VISIT_SHEET: SheetSpec<StationVisit> = {
  name: '驿站指导记录',
  columns: [
    seq,
    { header: '驿站', width: 22, value: (r) => r.stationName },
    { header: '指导日期', width: 12, value: (r) => r.visitedOn },
    { header: '指导人员', width: 14, value: (r) => r.visitorName },
    { header: '指导内容', width: 36, value: (r) => r.content },
    { header: '发现问题', width: 30, value: (r) => r.issuesFound },
    { header: '整改跟进', width: 30, value: (r) => r.followUp },
    { header: '记录人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};

export const FACILITY_SHEET: SheetSpec<FacilityCheck> = {
  name: '设施检查记录',
  columns: [
    seq,
    { header: '场所', width: 24, value: (r) => r.placeName },
    { header: '检查日期', width: 12, value: (r) => r.checkedOn },
    { header: '检查项目', width: 30, value: (r) => r.items.join('、') },
    { header: '检查结果', width: 10, value: (r) => FACILITY_RESULT_LABELS[r.result] },
    { header: '问题说明', width: 30, value: (r) => r.faults },
    { header: '处理情况', width: 30, value: (r) => r.followUp },
    { header: '检查人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};
