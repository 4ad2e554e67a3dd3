import {
  PUBLICITY_EVIDENCE_KINDS,
  type CreatePublicityBody,
  type PublicityExportQuery,
  type PublicityItem,
  type PublicityQuery,
  type UpdatePublicityBody,
} from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findFile, storeImage } from '../../platform/files/files.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { findRegionLabels } from '../reference/index.js';
import { PUBLICITY_SHEET, publicityFetcher } from './publicity.ledger.js';
import { presentItem } from './publicity.presenter.js';
import * as repo from './publicity.repository.js';
import { collectAll, shanghaiDay, sheetWorkbook, windowOf, windowPage } from '../../platform/reporting/index.js';

export type PublicityDeps = { db: DbOrTx; dataDir: string; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };
type Fields = Omit<CreatePublicityBody, 'regionCode'> & { regionCode: string };

export const PUBLICITY_FILE_PURPOSE = 'publicity_evidence';
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Rules beyond the schema: quality only for articles, evidence for published pieces, no future dates, own files. */
async function checkFields(deps: PublicityDeps, actor: StaffActor, f: Fields): Promise<void> {
  if (f.quality && f.kind !== 'article') throw AppError.field('quality', '只有推文可以标记为优质推文');
  if (PUBLICITY_EVIDENCE_KINDS.includes(f.kind) && f.link === '' && !f.fileId)
    throw AppError.field('link', '请填写链接或上传附件（截图）');
  if (f.publishedOn > shanghaiDay(deps.now())) throw AppError.field('publishedOn', '发布日期不能晚于今天');
  if (f.fileId) {
    const file = await findFile(deps.db, f.fileId);
    if (!file || file.purpose !== PUBLICITY_FILE_PURPOSE) throw AppError.field('fileId', '附件不存在，请重新上传');
  }
}

async function present(db: DbOrTx, r: repo.PublicityListRow): Promise<PublicityItem> {
  return presentItem(r, await findRegionLabels(db, [r.item.regionCode]));
}

async function visibleItem(deps: PublicityDeps, actor: StaffActor, id: string) {
  const row = await repo.findItem(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.item.regionCode);
  return row;
}

/** Record a publicity item in the actor's region; audited. */
export async function createItem(
  deps: PublicityDeps,
  actor: StaffActor,
  body: CreatePublicityBody,
  meta: Meta,
): Promise<PublicityItem> {
  requirePermission(actor, 'services.write');
  assertWritableRegion(actor, body.regionCode);
  await checkFields(deps, actor, body);
  const row = await deps.db.transaction(async (tx) => {
    const item = await repo.insertItem(tx, {
      ...body,
      recorderStaffId: actor.id,
      createdAt: deps.now(),
      updatedAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'publicity_item',
      entityId: item.id,
      regionCode: item.regionCode,
      details: { kind: item.kind, title: item.title },
      ...meta,
    });
    return item;
  });
  return present(deps.db, (await repo.findItem(deps.db, row.id)) ?? { item: row, recorderName: null });
}

/** Change an item (both its old and new region must be the actor's); audited with the changed fields. */
export async function updateItem(
  deps: PublicityDeps,
  actor: StaffActor,
  id: string,
  body: UpdatePublicityBody,
  meta: Meta,
): Promise<PublicityItem> {
  requirePermission(actor, 'services.write');
  const { item } = await visibleItem(deps, actor, id);
  assertWritableRegion(actor, item.regionCode);
  const merged: Fields = {
    kind: item.kind,
    quality: item.quality,
    channel: item.channel,
    title: item.title,
    link: item.link,
    fileId: item.fileId,
    publishedOn: item.publishedOn,
    reach: item.reach,
    regionCode: item.regionCode,
    note: item.note,
    ...body,
  };
  assertWritableRegion(actor, merged.regionCode);
  await checkFields(deps, actor, merged);
  await deps.db.transaction(async (tx) => {
    await repo.updateItem(tx, id, { ...body, updatedAt: deps.now() });
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'publicity_item',
      entityId: id,
      regionCode: merged.regionCode,
      details: { changed: Object.keys(body) },
      ...meta,
    });
  });
  return present(deps.db, await visibleItem(deps, actor, id));
}

/** Remove an item recorded in error; the audit entry keeps what it was. */
export async function deleteItem(deps: PublicityDeps, actor: StaffActor, id: string, meta: Meta): Promise<void> {
  requirePermission(actor, 'services.write');
  const { item } = await visibleItem(deps, actor, id);
  assertWritableRegion(actor, item.regionCode);
  await deps.db.transaction(async (tx) => {
    await repo.deleteItem(tx, id);
    await writeAudit(tx, {
      actor,
      action: 'delete',
      entity: 'publicity_item',
      entityId: id,
      regionCode: item.regionCode,
      details: { kind: item.kind, title: item.title, publishedOn: item.publishedOn, channel: item.channel },
      ...meta,
    });
  });
}

export async function getItem(deps: PublicityDeps, actor: StaffActor, id: string): Promise<PublicityItem> {
  requirePermission(actor, 'dashboard.read');
  return present(deps.db, await visibleItem(deps, actor, id));
}

const filterOf = (q: PublicityExportQuery): repo.PublicityFilter => ({
  kind: q.kind,
  channel: q.channel,
  quality: q.quality === undefined ? undefined : q.quality === 'true',
});

/** The publicity ledger in the actor's region. */
export async function listItems(deps: PublicityDeps, actor: StaffActor, q: PublicityQuery) {
  return windowPage(q, windowOf(actor, q), publicityFetcher(deps.db, filterOf(q)));
}

/** The ledger as .xlsx; audited. */
export async function exportItems(deps: PublicityDeps, actor: StaffActor, q: PublicityExportQuery, meta: Meta) {
  const rows = await collectAll(windowOf(actor, q), publicityFetcher(deps.db, filterOf(q)));
  const buffer = await sheetWorkbook(PUBLICITY_SHEET, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'ledger',
    entityId: 'publicity',
    regionCode: actor.regionCode,
    details: { rows: rows.length, query: q },
    ...meta,
  });
  return { name: PUBLICITY_SHEET.name, buffer };
}

/** Store an evidence image (poster, screenshot) for a later item. */
export async function uploadEvidence(deps: PublicityDeps, actor: StaffActor, imageBase64: string) {
  requirePermission(actor, 'services.write');
  const row = await storeImage(
    { db: deps.db, dataDir: deps.dataDir, pii: deps.pii },
    {
      ownerKind: 'staff',
      ownerId: actor.id,
      purpose: PUBLICITY_FILE_PURPOSE,
      bytes: Buffer.from(imageBase64, 'base64'),
      maxBytes: MAX_FILE_BYTES,
      field: 'imageBase64',
    },
  );
  return { fileId: row.id, mime: row.mime, sizeBytes: row.sizeBytes };
}
