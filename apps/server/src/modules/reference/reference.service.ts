import { randomUUID } from 'node:crypto';
import type { CreateStationBody, Station } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, paged, type Page, type PageQuery } from '../../platform/reporting/index.js';
import {
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { SEED_OCCUPATIONS } from './data/occupations.js';
import { SEED_REGIONS } from './data/regions.js';
import { SEED_STATIONS } from './data/stations.js';
import type { ParsedRegion } from './division-import.js';
import { deriveParentCode, levelOfCode, regionPrefix } from '../../platform/rbac/region-codes.js';
import { presentStation } from './reference.presenter.js';
import * as repo from './reference.repository.js';

export const listRegions = (db: DbOrTx, parent?: string) => repo.findRegionsByParent(db, parent ?? null);
export const listOccupations = (db: DbOrTx) => repo.findActiveOccupations(db);

/** One page of stations matching a region pattern (null = all), with their town names. */
function stationsPage(db: DbOrTx, regionPattern: string | null, q: PageQuery): Promise<Page<Station>> {
  return paged(q, async (slice) => {
    const { items, total } = await repo.findStationsPage(db, regionPattern, slice);
    const names = await repo.findRegionNames(
      db,
      items.map((r) => r.townCode),
    );
    return { items: items.map((s) => presentStation(s, names.get(s.townCode) ?? '')), total };
  });
}

/** Public station list, optionally within a town (or any region's subtree). */
export function listStations(db: DbOrTx, q: PageQuery & { town?: string | undefined }) {
  return stationsPage(db, q.town ? `${regionPrefix(q.town)}%` : null, q);
}

/** Stations a staff member may see: their region's subtree only. */
export async function listStationsForStaff(
  db: DbOrTx,
  actor: StaffActor,
  q: PageQuery & { town?: string | undefined },
): Promise<Page<Station>> {
  requirePermission(actor, 'stations.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return emptyPage(q);
  return stationsPage(db, regionPattern, q);
}

/** Create a gig station in a town inside the staff member's region. */
export async function createStation(
  db: Db,
  actor: StaffActor,
  body: CreateStationBody,
  meta: { ip?: string; requestId?: string },
) {
  requirePermission(actor, 'stations.write');
  const town = await repo.findRegion(db, body.townCode);
  if (!town || town.level !== 'town') throw AppError.field('townCode', '所属乡镇不存在');
  assertWritableRegion(actor, body.townCode);
  if (await repo.findStationByName(db, body.name)) throw AppError.field('name', '同名驿站已存在');
  return db.transaction(async (tx) => {
    const row = await repo.insertStation(tx, body);
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'station',
      entityId: row.id,
      regionCode: row.townCode,
      details: { name: row.name },
      ...meta,
    });
    return { row, townName: town.name };
  });
}

/** Load the official division list (already parsed and validated) in one transaction. */
export async function importRegions(db: Db, regions: ParsedRegion[], actor: { kind: 'staff' | 'system'; id?: string }) {
  await db.transaction(async (tx) => {
    await repo.upsertRegions(tx, regions);
    await writeAudit(tx, { actor, action: 'import', entity: 'region', details: { rows: regions.length } });
  });
  return { imported: regions.length };
}

export async function findRegionName(db: DbOrTx, code: string): Promise<string | undefined> {
  return (await repo.findRegion(db, code))?.name;
}

export const findRegionNames = repo.findRegionNames;
export const findAllRegionCodes = repo.findAllRegionCodes;
export const findOccupationNames = repo.findOccupationNames;

/** Seed regions, the occupation tree and demo stations. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.upsertRegions(tx, SEED_REGIONS);
    if ((await repo.countOccupations(tx)) === 0) {
      const ids = new Map(SEED_OCCUPATIONS.map((o) => [o.key, randomUUID()]));
      await repo.insertOccupations(
        tx,
        SEED_OCCUPATIONS.map((o, i) => ({
          id: ids.get(o.key),
          key: o.key,
          name: o.name,
          parentId: o.parentKey ? (ids.get(o.parentKey) ?? null) : null,
          nationalCode: o.nationalCode,
          skillTags: o.skillTags,
          isCategory: o.parentKey === null,
          sort: i,
        })),
      );
    }
    await repo.insertStations(tx, SEED_STATIONS);
  });
}

/** Display labels for region codes: a village shows its town too ('中渡镇·大兆村'). */
export async function findRegionLabels(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const parents = codes
    .map((c) => (levelOfCode(c) === 'village' ? deriveParentCode(c) : null))
    .filter((c): c is string => c !== null);
  const names = await repo.findRegionNames(db, [...codes, ...parents]);
  const labels = new Map<string, string>();
  for (const code of codes) {
    const name = names.get(code) ?? code;
    const parent = levelOfCode(code) === 'village' ? deriveParentCode(code) : null;
    labels.set(code, parent && names.has(parent) ? `${names.get(parent)}·${name}` : name);
  }
  return labels;
}
