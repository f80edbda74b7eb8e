import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { QuoteClauseInput, QuoteTemplateInput } from "./quote-input.ts";

// 报价单模板 and 公用条款: kept by sales managers (opportunities · approve) and administrators; every
// salesperson picks from the active ones in the editor.

export function mayManageQuoteLibrary(actor: StaffActor): boolean {
  return actor.isAdmin || can(actor, "opportunities", "approve");
}

function prismaCode(error: unknown): string | null {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : null;
}

/** Create (id null) or update one row of the library; a taken name/title is a field error. */
async function saveRow<F extends string>(
  db: Db,
  actor: StaffActor,
  kind: "QuoteTemplate" | "QuoteClause",
  id: number | null,
  uniqueField: F,
  write: (id: number | null) => Promise<{ id: number }>,
  data: object,
): Promise<ServiceResult<{ id: number }, F>> {
  if (!mayManageQuoteLibrary(actor)) return forbidden();
  try {
    const row = await write(id);
    await recordStaffAudit(db, actor, {
      action: `quote.${kind}Saved`,
      entityType: kind,
      entityId: row.id,
      after: { ...data },
    });
    return ok(row);
  } catch (error) {
    if (prismaCode(error) === "P2025") return notFound();
    if (prismaCode(error) === "P2002")
      return invalid({ [uniqueField]: ["quotes.error.nameTaken"] } as Record<F, ["quotes.error.nameTaken"]>);
    throw error;
  }
}

export function saveQuoteTemplate(db: Db, actor: StaffActor, input: QuoteTemplateInput) {
  const data = { name: input.name, validityDays: input.validityDays, terms: input.terms, active: input.active };
  const select = { id: true } as const;
  return saveRow(
    db,
    actor,
    "QuoteTemplate",
    input.id,
    "name",
    (id) =>
      id === null
        ? db.quoteTemplate.create({ data, select })
        : db.quoteTemplate.update({ where: { id }, data, select }),
    data,
  );
}

export function saveQuoteClause(db: Db, actor: StaffActor, input: QuoteClauseInput) {
  const data = { title: input.title, body: input.body, position: input.position, active: input.active };
  const select = { id: true } as const;
  return saveRow(
    db,
    actor,
    "QuoteClause",
    input.id,
    "title",
    (id) =>
      id === null ? db.quoteClause.create({ data, select }) : db.quoteClause.update({ where: { id }, data, select }),
    data,
  );
}

/** Every template and clause, inactive ones too, for the library page. */
export async function quoteLibraryAdmin(db: Db) {
  const [templates, clauses] = await Promise.all([
    db.quoteTemplate.findMany({ orderBy: { name: "asc" } }),
    db.quoteClause.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] }),
  ]);
  return { templates, clauses };
}
