import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { choice, IdParam, trimmedText } from "#app/lib/schemas.ts";
import { conflict, forbidden, invalid, notFound, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { quoteScopeWhere } from "#app/modules/quotes/quote-scope.server.ts";
import { partFields } from "./contract-form.ts";
import { contractScopeWhere, proposalScopeWhere } from "./contract-scope.server.ts";
import { saveDocumentPart, type PartStore } from "./document-parts.server.ts";

// 提议 (seed 000 §2.L.9): a multi-part document — ordered text parts and inserted material (a quote,
// a contract, a product's introduction) — rendered as one printable document and PDF. Inserted
// material is referenced, not copied, and resolved under the reader's own scope each time it is
// shown: a part pointing at a quote the reader may not see says so instead of showing it.

const audit = staffAuditWriter("Proposal", "proposal");

export const PART_KINDS = ["text", "quote", "contract", "product"] as const;
export type PartKind = (typeof PART_KINDS)[number];
export const MAX_PARTS = 60;

export const ProposalCreateSchema = z.object({
  title: trimmedText(200),
  companyId: IdParam,
  templateId: IdParam.optional().transform((v) => v ?? null),
});
export const TextPartSchema = z.object(partFields);
export const RefPartSchema = z.object({ kind: choice(["quote", "contract", "product"] as const), refId: IdParam });
export const PartMoveSchema = z.object({ partId: IdParam, direction: choice(["up", "down"] as const) });
export const PartRemoveSchema = z.object({ partId: IdParam });

export async function listProposals(db: DbOrTx, actor: StaffActor) {
  const scope = proposalScopeWhere(actor, "browse");
  if (!scope) return [];
  return db.proposal.findMany({
    where: scope,
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      company: { select: { id: true, name: true } },
      owner: { select: { id: true, name: true } },
      _count: { select: { parts: true } },
    },
  });
}

export async function createProposal(
  db: Db,
  actor: StaffActor,
  input: z.output<typeof ProposalCreateSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, "companyId" | "templateId">> {
  if (scopeFor(actor, "opportunities", "add") === null) return forbidden();
  const companyScope = await recordScopeWhere(db, actor, "company", "browse");
  const company = companyScope
    ? await db.company.findFirst({ where: { AND: [companyScope, { id: input.companyId }] }, select: { id: true } })
    : null;
  if (!company) return invalid({ companyId: ["validation.choose"] });
  const template = input.templateId
    ? await db.documentTemplate.findFirst({
        where: { id: input.templateId, kind: "proposal", active: true },
        select: { parts: { orderBy: { position: "asc" }, select: { title: true, body: true } } },
      })
    : null;
  if (input.templateId && !template) return invalid({ templateId: ["validation.choose"] });
  const row = await db.$transaction(async (tx) => {
    const created = await tx.proposal.create({
      data: {
        title: input.title,
        companyId: company.id,
        ownerId: actor.staffId,
        parts: {
          create: (template?.parts ?? []).map((p, position) => ({
            position,
            kind: "text",
            title: p.title,
            body: p.body,
          })),
        },
      },
      select: { id: true },
    });
    await audit(tx, actor, meta, "created", created.id, null, { title: input.title, companyId: company.id });
    return created;
  });
  return ok(row);
}

/**
 * The proposal for a change under its row lock, or why not: invisible (not-found), visible but not the
 * actor's to change (forbidden), or past drafting (conflict — what was approved is fixed; reopen it).
 */
export async function lockForChange(tx: DbOrTx, actor: StaffActor, id: number, editing = true) {
  await tx.$queryRaw`SELECT id FROM \`Proposal\` WHERE id = ${id} FOR UPDATE`;
  const modify = proposalScopeWhere(actor, "modify");
  const row = modify
    ? await tx.proposal.findFirst({
        where: { AND: [modify, { id }] },
        select: { id: true, status: true, companyId: true, company: { select: { zone: { select: { id: true } } } } },
      })
    : null;
  if (row) {
    if (editing && row.status !== "drafting") return { kind: "conflict" as const };
    return { kind: "ok" as const, row };
  }
  const browse = proposalScopeWhere(actor, "browse");
  const seen = browse ? await tx.proposal.count({ where: { AND: [browse, { id }] } }) : 0;
  return { kind: seen > 0 ? ("forbidden" as const) : ("not-found" as const) };
}

/** A refusal for a failed `lockForChange`. */
export function lockRefusal(kind: "conflict" | "forbidden" | "not-found") {
  return kind === "conflict" ? conflict("proposals.error.readOnly") : refusal(kind);
}

function partStore(tx: DbOrTx, proposalId: number): PartStore {
  return {
    update: (partId, data) => tx.proposalPart.updateMany({ where: { id: partId, proposalId, kind: "text" }, data }),
    maxPosition: async () =>
      (await tx.proposalPart.aggregate({ where: { proposalId }, _max: { position: true } }))._max.position,
    count: () => tx.proposalPart.count({ where: { proposalId } }),
    create: (data) => tx.proposalPart.create({ data: { proposalId, kind: "text", ...data } }),
    touch: () => tx.proposal.update({ where: { id: proposalId }, data: { updatedAt: new Date() } }),
  };
}

export async function saveTextPart(
  db: Db,
  actor: StaffActor,
  proposalId: number,
  input: z.output<typeof TextPartSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const found = await lockForChange(tx, actor, proposalId);
    if (found.kind !== "ok") return lockRefusal(found.kind);
    const saved = await saveDocumentPart(partStore(tx, proposalId), input, MAX_PARTS);
    if (saved === "not-found") return notFound();
    if (saved === "full") return conflict("validation.invalid");
    await audit(tx, actor, meta, "text-saved", proposalId, null, { partId: input.partId, title: input.title });
    return ok({ id: proposalId });
  });
}

/** Inserts a quote, contract or product the actor may see, titled by its number/name. */
export async function addRefPart(
  db: Db,
  actor: StaffActor,
  proposalId: number,
  input: z.output<typeof RefPartSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, "refId">> {
  return db.$transaction(async (tx) => {
    const found = await lockForChange(tx, actor, proposalId);
    if (found.kind !== "ok") return lockRefusal(found.kind);
    const title = await refTitle(tx, actor, input.kind, input.refId, found.row.companyId);
    if (title === null) return invalid({ refId: ["validation.choose"] });
    const store = partStore(tx, proposalId);
    if ((await store.count()) >= MAX_PARTS) return conflict("validation.invalid");
    const position = ((await store.maxPosition()) ?? -1) + 1;
    await tx.proposalPart.create({ data: { proposalId, position, kind: input.kind, title, refId: input.refId } });
    await store.touch();
    await audit(tx, actor, meta, "material-added", proposalId, null, input);
    return ok({ id: proposalId });
  });
}

/** The title of material the actor may see; a quote or contract must be the proposal's company's. */
async function refTitle(db: DbOrTx, actor: StaffActor, kind: Exclude<PartKind, "text">, id: number, companyId: number) {
  if (kind === "quote") {
    const scope = quoteScopeWhere(actor, "browse");
    const q = scope
      ? await db.quote.findFirst({ where: { AND: [scope, { id, companyId }] }, select: { number: true, title: true } })
      : null;
    return q ? `${q.number} ${q.title}`.slice(0, 200) : null;
  }
  if (kind === "contract") {
    const scope = contractScopeWhere(actor, "browse");
    const c = scope
      ? await db.salesContract.findFirst({
          where: { AND: [scope, { id, companyId }] },
          select: { number: true, name: true },
        })
      : null;
    return c ? `${c.number} ${c.name}`.slice(0, 200) : null;
  }
  const p = await db.product.findFirst({ where: { id, active: true }, select: { sku: true, name: true } });
  return p ? `${p.name} (${p.sku})`.slice(0, 200) : null;
}

export async function movePart(
  db: Db,
  actor: StaffActor,
  proposalId: number,
  input: z.output<typeof PartMoveSchema>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const found = await lockForChange(tx, actor, proposalId);
    if (found.kind !== "ok") return lockRefusal(found.kind);
    const parts = await tx.proposalPart.findMany({
      where: { proposalId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const at = parts.findIndex((p) => p.id === input.partId);
    if (at < 0) return notFound();
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to >= 0 && to < parts.length) {
      const order = parts.map((p) => p.id);
      [order[at], order[to]] = [order[to]!, order[at]!];
      // Renumber 0…n−1 so positions stay dense whatever happened before.
      for (const [position, id] of order.entries()) await tx.proposalPart.update({ where: { id }, data: { position } });
    }
    await audit(tx, actor, meta, "part-moved", proposalId, null, input);
    return ok({ id: proposalId });
  });
}

export async function removeProposalPart(
  db: Db,
  actor: StaffActor,
  proposalId: number,
  partId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const found = await lockForChange(tx, actor, proposalId);
    if (found.kind !== "ok") return lockRefusal(found.kind);
    const removed = await tx.proposalPart.deleteMany({ where: { id: partId, proposalId } });
    if (removed.count === 0) return notFound();
    await audit(tx, actor, meta, "part-removed", proposalId, { partId });
    return ok({ id: proposalId });
  });
}
