import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { scopeFor, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, teamReach } from "#app/modules/crm/access/record-scope.server.ts";

// The records an opportunity points at, checked against the actor: its company and contact must be
// within the actor's companies/contacts browse scope (decision 026), its owner among the staff the
// actor may hand work to, its team an existing team.

export type LinkRefusal = { field: "companyId" | "contactId" | "teamId" | "ownerId"; key: MessageKey };

/** Company and contact ids the actor may link (a contact alone brings its company along). */
export async function resolveLinks(
  db: DbOrTx,
  actor: StaffActor,
  input: { companyId: number | null; contactId: number | null },
): Promise<{ companyId: number | null; contactId: number | null } | { refusal: LinkRefusal }> {
  let companyId = input.companyId;
  if (input.contactId !== null) {
    const scope = await recordScopeWhere(db, actor, "contact", "browse");
    const contact = scope
      ? await db.contact.findFirst({ where: { AND: [scope, { id: input.contactId }] }, select: { companyId: true } })
      : null;
    if (!contact) return { refusal: { field: "contactId", key: "opportunities.error.contact" } };
    companyId ??= contact.companyId;
  }
  if (companyId !== null) {
    const scope = await recordScopeWhere(db, actor, "company", "browse");
    const company = scope ? await db.company.count({ where: { AND: [scope, { id: companyId }] } }) : 0;
    if (company === 0) return { refusal: { field: "companyId", key: "opportunities.error.company" } };
  }
  return { companyId, contactId: input.contactId };
}

/** Active staff the actor may make owner (for `action` add or transfer): self, team reach or all. */
export async function assignableOwners(db: DbOrTx, actor: StaffActor, action: Action = "add") {
  const scope = scopeFor(actor, "opportunities", action);
  const active: Prisma.StaffWhereInput = { status: { not: "inactive" } };
  const where: Prisma.StaffWhereInput =
    scope === "all"
      ? active
      : scope === "team" && teamReach(actor).length > 0
        ? { ...active, OR: [{ id: actor.staffId }, { teamId: { in: teamReach(actor) } }] }
        : { id: actor.staffId };
  return db.staff.findMany({ where, select: { id: true, name: true, teamId: true }, orderBy: { name: "asc" } });
}

/** Every team (id and name), for the team field and filter. */
export function teamOptions(db: DbOrTx) {
  return db.team.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}

/** The team id if it exists. */
export async function checkTeam(db: DbOrTx, teamId: number | null): Promise<boolean> {
  return teamId === null || (await db.team.count({ where: { id: teamId } })) > 0;
}

/**
 * Choices for the company and contact fields: the actor's most recently changed companies (plus the
 * chosen one) and the chosen company's contacts, all within the actor's scopes.
 */
export async function linkOptions(db: DbOrTx, actor: StaffActor, chosen: { companyId: number | null }) {
  const [companyScope, contactScope] = await Promise.all([
    recordScopeWhere(db, actor, "company", "browse"),
    recordScopeWhere(db, actor, "contact", "browse"),
  ]);
  const companies = companyScope
    ? await db.company.findMany({
        where: companyScope,
        select: { id: true, name: true },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: 200,
      })
    : [];
  if (chosen.companyId && companyScope && !companies.some((c) => c.id === chosen.companyId)) {
    const one = await db.company.findFirst({
      where: { AND: [companyScope, { id: chosen.companyId }] },
      select: { id: true, name: true },
    });
    if (one) companies.unshift(one);
  }
  const contacts =
    contactScope && chosen.companyId
      ? await db.contact.findMany({
          where: { AND: [contactScope, { companyId: chosen.companyId }] },
          select: { id: true, fullName: true },
          orderBy: { fullName: "asc" },
          take: 100,
        })
      : [];
  return { companies, contacts };
}

/** The new-opportunity form's prefill from `?company=` / `?contact=` (ignored when out of scope). */
export async function prefillLinks(
  db: DbOrTx,
  actor: StaffActor,
  asked: { companyId: number | null; contactId: number | null },
) {
  const resolved = await resolveLinks(db, actor, asked);
  const links = "refusal" in resolved ? { companyId: null, contactId: null } : resolved;
  const options = await linkOptions(db, actor, links);
  if (links.contactId !== null && !options.contacts.some((c) => c.id === links.contactId)) {
    const contact = await db.contact.findUnique({
      where: { id: links.contactId },
      select: { id: true, fullName: true },
    });
    if (contact) options.contacts.unshift(contact);
  }
  return { links, ...options };
}

/** The overview's choices for opportunity `id` (already scope-checked by the caller). */
export async function editChoices(db: DbOrTx, actor: StaffActor, id: number) {
  const opp = await db.opportunity.findUniqueOrThrow({ where: { id }, select: { companyId: true } });
  const transfer = scopeFor(actor, "opportunities", "transfer") ? "transfer" : "modify";
  const [choices, owners, teams] = await Promise.all([
    linkOptions(db, actor, { companyId: opp.companyId }),
    assignableOwners(db, actor, transfer),
    teamOptions(db),
  ]);
  return { choices: { ...choices, teams }, owners };
}

/** Active staff, for the team and project-manager fields. */
export function activeStaffOptions(db: DbOrTx) {
  return db.staff.findMany({
    where: { status: { not: "inactive" } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
