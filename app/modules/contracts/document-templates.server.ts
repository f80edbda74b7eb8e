import { z } from "zod";
import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { checkbox, choice, IdParam, trimmedText } from "#app/lib/schemas.ts";
import { conflict, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { partFields } from "./contract-form.ts";
import { saveDocumentPart } from "./document-parts.server.ts";

// 合同模板 / 提议模板 (seed §2.L.8–9: public templates, multi-part): managed by administrators on
// /crm/contract-templates. A new contract copies the chosen template's parts; editing a template later
// never changes the contracts already made from it.

const audit = staffAuditWriter("DocumentTemplate", "document-template");

export const TemplateCreateSchema = z.object({
  kind: choice(["contract", "proposal"] as const),
  name: trimmedText(100),
});
export const TemplateEditSchema = z.object({ name: trimmedText(100), active: checkbox() });
export const TemplatePartSchema = z.object(partFields);
export const TemplatePartRefSchema = z.object({ partId: IdParam });

export function listTemplates(db: DbOrTx) {
  return db.documentTemplate.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, kind: true, name: true, active: true, updatedAt: true, _count: { select: { parts: true } } },
  });
}

export function getTemplate(db: DbOrTx, id: number) {
  return db.documentTemplate.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      name: true,
      active: true,
      parts: { orderBy: { position: "asc" }, select: { id: true, title: true, body: true } },
    },
  });
}

function nameTaken(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createTemplate(
  db: Db,
  actor: StaffActor,
  input: z.output<typeof TemplateCreateSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.documentTemplate.create({ data: input, select: { id: true } });
      await audit(tx, actor, meta, "created", created.id, null, input);
      return created;
    });
    return ok(row);
  } catch (error) {
    if (nameTaken(error)) return conflict("contracts.templates.nameTaken");
    throw error;
  }
}

export async function editTemplate(
  db: Db,
  actor: StaffActor,
  id: number,
  input: z.output<typeof TemplateEditSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  try {
    return await db.$transaction(async (tx) => {
      const changed = await tx.documentTemplate.updateMany({ where: { id }, data: input });
      if (changed.count === 0) return notFound();
      await audit(tx, actor, meta, "edited", id, null, input);
      return ok({ id });
    });
  } catch (error) {
    if (nameTaken(error)) return conflict("contracts.templates.nameTaken");
    throw error;
  }
}

export async function saveTemplatePart(
  db: Db,
  actor: StaffActor,
  templateId: number,
  input: z.output<typeof TemplatePartSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const template = await tx.documentTemplate.findUnique({ where: { id: templateId }, select: { id: true } });
    if (!template) return notFound();
    const saved = await saveDocumentPart(
      {
        update: (partId, data) => tx.documentTemplatePart.updateMany({ where: { id: partId, templateId }, data }),
        maxPosition: async () =>
          (await tx.documentTemplatePart.aggregate({ where: { templateId }, _max: { position: true } }))._max.position,
        count: () => tx.documentTemplatePart.count({ where: { templateId } }),
        create: (data) => tx.documentTemplatePart.create({ data: { templateId, ...data } }),
        touch: () => tx.documentTemplate.update({ where: { id: templateId }, data: { updatedAt: new Date() } }),
      },
      input,
    );
    if (saved !== "saved") return notFound();
    await audit(tx, actor, meta, "part-saved", templateId, null, { partId: input.partId, title: input.title });
    return ok({ id: templateId });
  });
}

export async function removeTemplatePart(
  db: Db,
  actor: StaffActor,
  templateId: number,
  partId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const removed = await tx.documentTemplatePart.deleteMany({ where: { id: partId, templateId } });
    if (removed.count === 0) return notFound();
    await audit(tx, actor, meta, "part-removed", templateId, { partId });
    return ok({ id: templateId });
  });
}

/** Active templates of one kind, for the "new contract / new proposal" pickers. */
export function templateChoices(db: DbOrTx, kind: "contract" | "proposal") {
  return db.documentTemplate.findMany({
    where: { kind, active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
