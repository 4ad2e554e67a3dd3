import type {
  AgreementTemplateDetail,
  AgreementTemplateList,
  AgreementTemplatePreview,
  AgreementTemplateSummary,
  CreateAgreementTemplateBody,
} from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { fillTemplate } from './agreement-template.js';
import { SAMPLE_VALUES, TEMPLATE_FIELDS, templateBodyProblems } from './agreement-template-fields.js';
import * as tpl from './agreement-templates.repository.js';
import { latestTemplate, type TemplateRow } from './agreements.repository.js';

export type TemplatesDeps = { db: Db; now: () => Date };
type Meta = { ip: string; requestId?: string };

const summary = (
  row: TemplateRow,
  currentId: string | undefined,
  counts: Map<string, number>,
): AgreementTemplateSummary => ({
  id: row.id,
  code: row.code,
  version: row.version,
  title: row.title,
  current: row.id === currentId,
  agreementCount: counts.get(row.id) ?? 0,
  createdAt: row.createdAt.toISOString(),
});

function assertUsable(body: string): void {
  const problems = templateBodyProblems(body);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', { details: problems.map((message) => ({ field: 'body', message })) });
}

/** 协议模板: every version (the built-in v1 is written on first use) and the known slots. */
export async function listTemplates(deps: TemplatesDeps, actor: StaffActor): Promise<AgreementTemplateList> {
  requirePermission(actor, 'config.write');
  await latestTemplate(deps.db);
  const rows = await tpl.listVersions(deps.db);
  const counts = await tpl.agreementCounts(
    deps.db,
    rows.map((r) => r.id),
  );
  return { fields: [...TEMPLATE_FIELDS], items: rows.map((r) => summary(r, rows[0]?.id, counts)) };
}

export async function getTemplate(
  deps: TemplatesDeps,
  actor: StaffActor,
  id: string,
): Promise<AgreementTemplateDetail> {
  requirePermission(actor, 'config.write');
  const row = await tpl.findTemplate(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '模板版本不存在' });
  const latest = await latestTemplate(deps.db);
  return { ...summary(row, latest.id, await tpl.agreementCounts(deps.db, [row.id])), body: row.body };
}

/** The body filled with sample data, after the same checks as saving. */
export function previewTemplate(actor: StaffActor, input: CreateAgreementTemplateBody): AgreementTemplatePreview {
  requirePermission(actor, 'config.write');
  assertUsable(input.body);
  return { title: input.title, text: fillTemplate(input.body, SAMPLE_VALUES) };
}

/**
 * Save a new version (previous + 1). New agreements use it from now on; agreements already
 * generated keep their frozen text.
 */
export async function createTemplateVersion(
  deps: TemplatesDeps,
  actor: StaffActor,
  input: CreateAgreementTemplateBody,
  meta: Meta,
): Promise<AgreementTemplateDetail> {
  requirePermission(actor, 'config.write');
  assertUsable(input.body);
  const row = await deps.db.transaction(async (tx) => {
    const latest = await latestTemplate(tx);
    if (latest.body.trim() === input.body && latest.title === input.title)
      throw AppError.field('body', '内容与当前版本相同，无需保存新版本');
    const created = await tpl.insertVersion(tx, {
      version: latest.version + 1,
      title: input.title,
      body: input.body,
      createdAt: deps.now(),
    });
    if (!created) throw new AppError('CONFLICT', { message: '其他人刚刚保存了新版本，请刷新后重试' });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'agreement_template',
      entityId: created.id,
      regionCode: actor.regionCode,
      details: { code: created.code, version: created.version, previousVersion: latest.version, title: created.title },
      ip: meta.ip,
      requestId: meta.requestId ?? null,
    });
    return created;
  });
  return { ...summary(row, row.id, new Map()), body: row.body };
}
