import { randomUUID } from 'node:crypto';
import { MEMBER_NEED_LABELS, MEMBER_STATUS_LABELS } from '@lingong/contracts/labels';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { FieldError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { collectionHouseholds, collectionMembers, derivedZeroEmployment } from '../collection/index.js';
import { levelOfCode } from '../reference/index.js';
import { recorderResolver, regionResolver } from './imports.lookups.js';
import { cellAt, textAt, type Sheet } from './imports.sheet.js';
import {
  dayOf,
  parseDay,
  parseIdCell,
  parseLabel,
  parseName,
  parsePhoneCell,
  parseText,
  splitList,
  type Parsed,
} from './imports.values.js';

// 就业信息采集 paper forms: one row per household member; rows with the same village, head and
// address form one household. Head name, address and member PII are encrypted.

type Deps = { db: DbOrTx; pii: Pii; now: () => Date };
type Planned = { errors: FieldError[]; count: number; insert(tx: DbOrTx): Promise<void> };
type Household = typeof collectionHouseholds.$inferInsert & {
  id: string;
  members: (typeof collectionMembers.$inferInsert)[];
};

const YES_NO = { yes: '是', no: '否' } as const;
const CHUNK = 2000;

export async function planCollection(deps: Deps, actor: StaffActor, sheet: Sheet): Promise<Planned> {
  const now = deps.now();
  const today = dayOf(now);
  const errors: FieldError[] = [];
  const region = await regionResolver(deps.db, actor);
  const recorder = await recorderResolver(deps.db, actor, [
    ...new Set(sheet.rows.map((r) => textAt(sheet, r, '采集人'))),
  ]);
  const ids = new Map(sheet.rows.map((r) => [r.row, parseIdCell(textAt(sheet, r, '公民身份号码'), now)]));
  const hashOf = new Map(
    [...ids].flatMap(([row, p]) => (p.ok ? [[row, deps.pii.index('id_number', p.value.normalized)] as const] : [])),
  );
  const taken = new Set<string>();
  const hashes = [...new Set(hashOf.values())];
  for (let i = 0; i < hashes.length; i += 5000) {
    const rows = await deps.db
      .select({ h: collectionMembers.idNumberIndex })
      .from(collectionMembers)
      .where(inArray(collectionMembers.idNumberIndex, hashes.slice(i, i + 5000)));
    for (const r of rows) taken.add(r.h);
  }
  const firstRow = new Map<string, number>();
  const households = new Map<string, Household>();
  const firstOfHousehold = new Map<string, { row: number; size: number; collectedOn: string; members: number }>();

  for (const r of sheet.rows) {
    const before = errors.length;
    const fail = (field: string, message: string) => errors.push({ row: r.row, field, message });
    const get = <T>(field: string, p: Parsed<T>): T | undefined =>
      p.ok ? p.value : (fail(field, p.message), undefined);
    const text = (h: string) => textAt(sheet, r, h);
    const required = <T>(h: string, parse: (s: string) => Parsed<T>) =>
      get(h, text(h) ? parse(text(h)) : { ok: false, message: `请填写${h}` });

    const village = required('所在村', region);
    if (village && levelOfCode(village) !== 'village') fail('所在村', '请填写行政村（不是乡镇）');
    const head = required('户主姓名', parseName);
    const address = required('家庭住址', (s) =>
      s.length < 2 ? { ok: false, message: '住址至少2个字' } : parseText(s, 100, null),
    );
    const size = required('家庭人口', (s) =>
      /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 30
        ? { ok: true, value: Number(s) }
        : { ok: false, message: '家庭人口应为1-30的整数' },
    );
    const dayCell = cellAt(sheet, r, '采集日期');
    let collectedOn = get('采集日期', dayCell === '' ? { ok: false, message: '请填写采集日期' } : parseDay(dayCell));
    if (collectedOn && (collectedOn > today || collectedOn < '2020-01-01'))
      collectedOn = (fail('采集日期', '采集日期应在2020年至今天之间'), undefined);
    const name = required('姓名', parseName);
    const id = ids.get(r.row);
    const hash = hashOf.get(r.row);
    if (!text('公民身份号码')) fail('公民身份号码', '请填写身份证号码');
    else if (id && !id.ok) fail('公民身份号码', id.message);
    else if (hash && taken.has(hash)) fail('公民身份号码', '该身份证号码已在其他户登记');
    else if (hash && firstRow.has(hash)) fail('公民身份号码', `与第${firstRow.get(hash)}行重复`);
    else if (hash) firstRow.set(hash, r.row);
    const phone = text('联系电话') ? get('联系电话', parsePhoneCell(text('联系电话'))) : null;
    const status = required('就业状态', (s) => parseLabel(s, MEMBER_STATUS_LABELS, '就业状态'));
    const destination = get(
      '务工地点',
      parseText(text('务工地点'), 60, status === 'migrant' ? '外出务工人员须填写务工地点' : null),
    );
    const trade = get('务工工种', parseText(text('务工工种'), 30, null));
    const contact = get('务工联系方式', parseText(text('务工联系方式'), 30, null));
    const needs: string[] = [];
    for (const n of splitList(text('需求'))) {
      const need = get('需求', parseLabel(n, MEMBER_NEED_LABELS, '需求'));
      if (need && !needs.includes(need)) needs.push(need);
    }
    const needNote = get('需求说明', parseText(text('需求说明'), 200, null));
    const flag = text('零就业家庭') ? get('零就业家庭', parseLabel(text('零就业家庭'), YES_NO, '零就业家庭')) : null;
    const note = get('备注', parseText(text('备注'), 500, null));
    const recorderId = get('采集人', recorder(text('采集人')));
    const key = `${village}\u0000${head}\u0000${address}`;
    if (village && head && address && size && collectedOn) {
      const seen = firstOfHousehold.get(key);
      if (!seen) firstOfHousehold.set(key, { row: r.row, size, collectedOn, members: 1 });
      else if (seen.size !== size || seen.collectedOn !== collectedOn)
        fail('家庭人口', `同一户（第${seen.row}行起）的家庭人口和采集日期应一致`);
      else if (++seen.members > seen.size) fail('家庭人口', `该户填写的成员多于家庭人口（${seen.size}人）`);
    }
    if (
      errors.length > before ||
      !village ||
      !head ||
      !address ||
      !size ||
      !collectedOn ||
      !name ||
      !id?.ok ||
      !hash ||
      phone === undefined ||
      !status
    )
      continue;
    if (
      destination === undefined ||
      trade === undefined ||
      contact === undefined ||
      needNote === undefined ||
      flag === undefined ||
      note === undefined ||
      !recorderId
    )
      continue;

    let h = households.get(key);
    if (!h) {
      h = {
        id: randomUUID(),
        villageCode: village,
        headNameEnc: deps.pii.encrypt(head),
        addressEnc: deps.pii.encrypt(address),
        memberCount: size,
        collectedOn,
        zeroEmploymentOverride: flag === null ? null : flag === 'yes',
        note,
        recorderStaffId: recorderId,
        createdAt: now,
        updatedAt: now,
        members: [],
      };
      households.set(key, h);
    }
    const migrant = status === 'migrant';
    h.members.push({
      householdId: h.id,
      villageCode: village,
      nameEnc: deps.pii.encrypt(name),
      idNumberEnc: deps.pii.encrypt(id.value.normalized),
      idNumberIndex: hash,
      phoneEnc: phone ? deps.pii.encrypt(phone) : null,
      gender: id.value.gender,
      birthDate: id.value.birthDate,
      relation: text('与户主关系').slice(0, 10),
      status,
      migrantDestination: migrant ? destination : '',
      migrantTrade: migrant ? trade : '',
      migrantContactEnc: migrant && contact ? deps.pii.encrypt(contact) : null,
      needs,
      needNote,
      createdAt: now,
      updatedAt: now,
    });
  }

  const rows = [...households.values()].map(({ members, ...h }) => {
    const derived = derivedZeroEmployment(
      members.map((m) => ({ status: m.status, birthDate: m.birthDate })),
      today,
    );
    return {
      household: { ...h, zeroEmploymentDerived: derived, zeroEmployment: h.zeroEmploymentOverride ?? derived },
      members,
    };
  });
  const members = rows.flatMap((r) => r.members);
  return {
    errors,
    count: members.length,
    insert: async (tx) => {
      const hs = rows.map((r) => r.household);
      for (let i = 0; i < hs.length; i += CHUNK) await tx.insert(collectionHouseholds).values(hs.slice(i, i + CHUNK));
      for (let i = 0; i < members.length; i += CHUNK)
        await tx.insert(collectionMembers).values(members.slice(i, i + CHUNK));
    },
  };
}
