import { randomUUID } from 'node:crypto';
import { PRIORITY_GROUPS, PRIVACY_POLICY_VERSION, REGISTRATION_CHANNEL_LABELS } from '@lingong/contracts';
import { GENDER_LABELS } from '@lingong/contracts/labels';
import type { DbOrTx } from '../../db/client.js';
import type { FieldError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import type { ImportedWorkers } from '../workers/index.js';
import { occupationResolver, recorderResolver, regionResolver } from './imports.lookups.js';
import { findWorkersByIdHashes } from './imports.repository.js';
import { cellAt, textAt, type Sheet } from './imports.sheet.js';
import {
  parseIdCell,
  parseInstant,
  parseLabel,
  parseName,
  parsePhoneCell,
  splitList,
  type Parsed,
} from './imports.values.js';

// 求职登记 paper forms → worker profiles (PII encrypted, blind indexes), skills and a paper consent.
// Validation runs in memory over the whole file; the caller inserts in bulk in one transaction.

const PAPER_CHANNELS = {
  counter: REGISTRATION_CHANNEL_LABELS.counter,
  station: REGISTRATION_CHANNEL_LABELS.station,
  household: REGISTRATION_CHANNEL_LABELS.household,
  event: REGISTRATION_CHANNEL_LABELS.event,
};
const GROUPS = new Set<string>(PRIORITY_GROUPS);

type Deps = { db: DbOrTx; pii: Pii; now: () => Date };

/** Validate every row; returns the rows to insert, or every error found. */
export async function planRegistrations(
  deps: Deps,
  actor: StaffActor,
  sheet: Sheet,
): Promise<{ errors: FieldError[]; planned: ImportedWorkers }> {
  const now = deps.now();
  const errors: FieldError[] = [];
  const planned: ImportedWorkers = { profiles: [], skills: [], consents: [] };
  const [region, occupation, recorder] = await Promise.all([
    regionResolver(deps.db, actor),
    occupationResolver(deps.db),
    recorderResolver(deps.db, actor, [...new Set(sheet.rows.map((r) => textAt(sheet, r, '登记人')))]),
  ]);
  // First pass: blind indexes, to check duplicates against the database in a few queries.
  const ids = new Map<number, ReturnType<typeof parseIdCell>>();
  const hashes = new Map<number, string>();
  for (const r of sheet.rows) {
    const cell = textAt(sheet, r, '公民身份号码');
    if (!cell) continue;
    const id = parseIdCell(cell, now);
    ids.set(r.row, id);
    if (id.ok) hashes.set(r.row, deps.pii.index('id_number', id.value.normalized));
  }
  const existing = new Set((await findWorkersByIdHashes(deps.db, [...hashes.values()])).map((w) => w.idNumberHash));
  const firstRow = new Map<string, number>();

  for (const r of sheet.rows) {
    const fail = (field: string, message: string) => errors.push({ row: r.row, field, message });
    const get = <T>(field: string, result: Parsed<T>): T | undefined => {
      if (result.ok) return result.value;
      fail(field, result.message);
      return undefined;
    };
    const text = (h: string) => textAt(sheet, r, h);
    const name = get('姓名', text('姓名') ? parseName(text('姓名')) : { ok: false, message: '请填写姓名' });
    const id = get('公民身份号码', ids.get(r.row) ?? { ok: false, message: '请填写身份证号码' });
    const hash = hashes.get(r.row);
    if (id && hash) {
      if (existing.has(hash)) fail('公民身份号码', '该身份证号码已登记，不能重复导入');
      else if (firstRow.has(hash)) fail('公民身份号码', `与第${firstRow.get(hash)}行重复`);
      else firstRow.set(hash, r.row);
    }
    const genderCell = text('性别');
    if (genderCell && id) {
      const gender = get('性别', parseLabel(genderCell, GENDER_LABELS, '性别'));
      if (gender && gender !== id.gender) fail('性别', '性别与身份证号码不符');
    }
    const phone = text('联系电话') ? get('联系电话', parsePhoneCell(text('联系电话'))) : null;
    const home = get(
      '户籍/现居住地',
      text('户籍/现居住地') ? region(text('户籍/现居住地')) : { ok: false, message: '请填写户籍/现居住地' },
    );
    const groups = splitList(text('重点群体类别'));
    for (const g of groups) if (!GROUPS.has(g)) fail('重点群体类别', `"${g}"不是重点群体类别`);
    const channelCell = text('登记渠道');
    const channel = get(
      '登记渠道',
      channelCell ? parseLabel(channelCell, PAPER_CHANNELS, '登记渠道') : { ok: false, message: '请填写登记渠道' },
    );
    const recorderId = get('登记人', recorder(text('登记人')));
    const at = cellAt(sheet, r, '登记时间');
    const registeredAt = get('登记时间', at === '' ? { ok: false, message: '请填写登记时间' } : parseInstant(at, now));
    const trades: string[] = [];
    for (const t of splitList(text('工种'))) {
      const o = get('工种', occupation(t));
      if (o && !trades.includes(o)) trades.push(o);
    }
    if (
      errors.length > 0 ||
      !name ||
      !id ||
      !hash ||
      !home ||
      !channel ||
      !recorderId ||
      !registeredAt ||
      phone === undefined
    )
      continue;

    const workerId = randomUUID();
    planned.profiles.push({
      id: workerId,
      nameEnc: deps.pii.encrypt(name),
      idNumberEnc: deps.pii.encrypt(id.normalized),
      idNumberHash: hash,
      idLast4: id.normalized.slice(-4),
      phoneEnc: phone ? deps.pii.encrypt(phone) : null,
      phoneHash: phone ? deps.pii.index('phone', phone) : null,
      gender: id.gender,
      birthDate: id.birthDate,
      homeRegionCode: home,
      occupationIds: trades,
      priorityGroups: groups,
      channel,
      registeredByStaffId: recorderId,
      createdAt: registeredAt,
      updatedAt: now,
    });
    for (const occupationId of trades) planned.skills.push({ workerId, occupationId, years: 0 });
    planned.consents.push({
      workerId,
      method: 'paper',
      policyVersion: PRIVACY_POLICY_VERSION,
      recordedByStaffId: actor.id,
      createdAt: now,
    });
  }
  return { errors, planned };
}
