import type { Household } from '@lingong/contracts';
import { MEMBER_NEED_LABELS, MEMBER_STATUS_LABELS } from '@lingong/contracts/labels';
import { GENDER_LABELS } from '@lingong/contracts/labels';
import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { findRegionLabels } from '../reference/index.js';
import { ageOn, presentHousehold, type CollectionReveal } from './collection.presenter.js';
import {
  findFollowupRows,
  findHouseholds,
  findMemberRows,
  type HouseholdFilter,
  type MemberRow,
} from './collection.repository.js';
import {
  shanghaiDay,
  shanghaiTime,
  type Fetched,
  type SheetSpec,
  type Slice,
  type Window,
} from '../../platform/reporting/index.js';

// 就业信息采集 ledgers: households, members (and migrants), follow-ups. Same rows for the list,
// the export and the acceptance pack.

type Deps = { db: DbOrTx; pii: Pii; now: () => Date };

export function householdFetcher(deps: Deps, reveal: CollectionReveal, f: HouseholdFilter = {}) {
  return async (w: Window, slice: Slice): Promise<Fetched<Household>> => {
    const { items: rows, total } = await findHouseholds(deps.db, w, f, slice);
    const names = await findRegionLabels(
      deps.db,
      rows.map((r) => r.h.villageCode),
    );
    return { total, items: rows.map((r) => presentHousehold(r, reveal, names)) };
  };
}

export type MemberLedgerRow = {
  id: string;
  villageName: string;
  headName: string;
  name: string;
  idNumber: string;
  phone: string;
  gender: 'male' | 'female';
  age: number;
  relation: string;
  status: MemberRow['status'];
  migrantDestination: string;
  migrantTrade: string;
  migrantContact: string;
  needs: string[];
  needNote: string;
  zeroEmployment: boolean;
  collectedOn: string;
};

export function memberFetcher(
  deps: Deps,
  reveal: CollectionReveal,
  f: HouseholdFilter & { status?: MemberRow['status'] } = {},
) {
  return async (w: Window, slice: Slice): Promise<Fetched<MemberLedgerRow>> => {
    const { items: rows, total } = await findMemberRows(deps.db, w, f, slice);
    const names = await findRegionLabels(
      deps.db,
      rows.map((r) => r.m.villageCode),
    );
    const today = shanghaiDay(deps.now());
    return {
      total,
      items: rows.map(({ m, ...h }) => ({
        id: m.id,
        villageName: names.get(m.villageCode) ?? m.villageCode,
        headName: reveal.name(h.headNameEnc),
        name: reveal.name(m.nameEnc),
        idNumber: reveal.idNumber(m.idNumberEnc) ?? '',
        phone: reveal.phone(m.phoneEnc) ?? '',
        gender: m.gender,
        age: ageOn(m.birthDate, today),
        relation: m.relation,
        status: m.status,
        migrantDestination: m.migrantDestination,
        migrantTrade: m.migrantTrade,
        migrantContact: reveal.contact(m.migrantContactEnc),
        needs: m.needs,
        needNote: m.needNote,
        zeroEmployment: h.zeroEmployment,
        collectedOn: h.collectedOn,
      })),
    };
  };
}

export type FollowupLedgerRow = {
  id: string;
  villageName: string;
  headName: string;
  followedOn: string;
  content: string;
  nextDate: string | null;
  recorderName: string | null;
  createdAt: string;
};

export function followupFetcher(deps: Deps, reveal: CollectionReveal) {
  return async (w: Window, slice: Slice): Promise<Fetched<FollowupLedgerRow>> => {
    const { items: rows, total } = await findFollowupRows(deps.db, w, slice);
    const names = await findRegionLabels(
      deps.db,
      rows.map((r) => r.f.villageCode),
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.f.id,
        villageName: names.get(r.f.villageCode) ?? r.f.villageCode,
        headName: reveal.name(r.headNameEnc),
        followedOn: r.f.followedOn,
        content: r.f.content,
        nextDate: r.f.nextDate,
        recorderName: r.recorderName,
        createdAt: r.f.createdAt.toISOString(),
      })),
    };
  };
}

const seq = { header: '序号', width: 8, value: (_r: unknown, i: number) => i + 1 };
const yes = (b: boolean) => (b ? '是' : '否');

export const HOUSEHOLD_SHEET: SheetSpec<Household> = {
  name: '就业信息采集台账',
  columns: [
    seq,
    { header: '所在村', width: 22, value: (r) => r.villageName },
    { header: '户主姓名', width: 12, value: (r) => r.headNameMasked },
    { header: '家庭住址', width: 28, value: (r) => r.addressMasked },
    { header: '家庭人口', width: 10, value: (r) => r.memberCount },
    { header: '已采集成员', width: 10, value: (r) => r.collectedMembers },
    { header: '零就业家庭', width: 10, value: (r) => yes(r.zeroEmployment) },
    { header: '认定方式', width: 10, value: (r) => (r.zeroEmploymentOverride === null ? '系统判定' : '人工认定') },
    { header: '采集日期', width: 12, value: (r) => r.collectedOn },
    { header: '备注', width: 24, value: (r) => r.note },
    { header: '采集人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};

export const MEMBER_SHEET: SheetSpec<MemberLedgerRow> = {
  name: '家庭成员就业情况',
  columns: [
    seq,
    { header: '所在村', width: 22, value: (r) => r.villageName },
    { header: '户主', width: 10, value: (r) => r.headName },
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: '与户主关系', width: 10, value: (r) => r.relation },
    { header: '性别', width: 6, value: (r) => GENDER_LABELS[r.gender] },
    { header: '年龄', width: 6, value: (r) => r.age },
    { header: '公民身份号码', width: 22, value: (r) => r.idNumber },
    { header: '联系电话', width: 15, value: (r) => r.phone },
    { header: '就业状态', width: 12, value: (r) => MEMBER_STATUS_LABELS[r.status] },
    { header: '务工地点', width: 18, value: (r) => r.migrantDestination },
    { header: '务工工种', width: 12, value: (r) => r.migrantTrade },
    { header: '务工联系方式', width: 15, value: (r) => r.migrantContact },
    {
      header: '需求',
      width: 16,
      value: (r) => r.needs.map((n) => MEMBER_NEED_LABELS[n as keyof typeof MEMBER_NEED_LABELS] ?? n).join('、'),
    },
    { header: '需求说明', width: 24, value: (r) => r.needNote },
    { header: '零就业家庭', width: 10, value: (r) => yes(r.zeroEmployment) },
    { header: '采集日期', width: 12, value: (r) => r.collectedOn },
  ],
};

export const MIGRANT_SHEET: SheetSpec<MemberLedgerRow> = { ...MEMBER_SHEET, name: '外出务工人员' };

export const COLLECTION_FOLLOWUP_SHEET: SheetSpec<FollowupLedgerRow> = {
  name: '采集回访台账',
  columns: [
    seq,
    { header: '所在村', width: 22, value: (r) => r.villageName },
    { header: '户主', width: 10, value: (r) => r.headName },
    { header: '回访日期', width: 12, value: (r) => r.followedOn },
    { header: '回访内容', width: 40, value: (r) => r.content },
    { header: '下次回访日期', width: 14, value: (r) => r.nextDate ?? '' },
    { header: '回访人', width: 14, value: (r) => r.recorderName ?? '—' },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt) },
  ],
};
