import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { oncePerRequest } from "#app/lib/request-context.server.ts";
import { recordActivity } from "#app/modules/audit/record-history.server.ts";
import { can, scopeFor, type Module } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, teamReach } from "#app/modules/crm/access/record-scope.server.ts";
import type { RecordWidgetAccess } from "#app/modules/notes/record-widget-actions.server.ts";
import { ownerLookup, type OwnerRef } from "./contact-owners.server.ts";
import { canModifyContact, contactRegionPicker, reportsToOptions } from "./contacts.server.ts";

// The contact 360° page (seed 000 §2.R): the header and key figures every tab shares, and one loader
// per tab. Each starts from the contact under the actor's browse scope (in the query): a contact
// outside it, in the bin or unknown is null, which the route answers with 404. Related records of
// other modules are listed only as far as the actor's scope in that module reaches.

const CONTACT_SELECT = {
  id: true,
  number: true,
  familyName: true,
  givenName: true,
  fullName: true,
  salutation: true,
  title: true,
  department: true,
  companyId: true,
  noCompany: true,
  reportsToId: true,
  province: true,
  city: true,
  district: true,
  regionCode: true,
  address: true,
  postcode: true,
  phone: true,
  mobile: true,
  homePhone: true,
  fax: true,
  email: true,
  email2: true,
  birthday: true,
  preferredChannel: true,
  optOutEmail: true,
  optOutSms: true,
  optOutCall: true,
  ownerId: true,
  createdAt: true,
  updatedAt: true,
  company: { select: { id: true, name: true, number: true, deletedAt: true } },
  reportsTo: { select: { id: true, fullName: true, title: true, deletedAt: true } },
  member: { select: { id: true, nickname: true, email: true, status: true } },
} satisfies Prisma.ContactSelect;

/** The owner comes from the cached staff directory (contact-owners.server.ts), not a join. */
export type ContactDetail = Prisma.ContactGetPayload<{ select: typeof CONTACT_SELECT }> & { owner: OwnerRef | null };

/**
 * The contact under the actor's browse scope (in the query), or null. The layout and the tab of one
 * page request both need it, so it is read once per request (loaders only: an action's own reads
 * run before the loaders and never go through here).
 */
function scopedContact(db: DbOrTx, actor: StaffActor, contactId: number): Promise<ContactDetail | null> {
  return oncePerRequest(`contact-360:${actor.staffId}:${contactId}`, async () => {
    const scope = await recordScopeWhere(db, actor, "contact", "browse");
    if (!scope) return null;
    const [row, withOwner] = await Promise.all([
      db.contact.findFirst({ where: { AND: [scope, { id: contactId }] }, select: CONTACT_SELECT }),
      ownerLookup(db),
    ]);
    return row ? withOwner(row) : null;
  });
}

/** The contact if the actor may browse it (scope applied in the query), else null. */
async function visibleContactId(db: DbOrTx, actor: StaffActor, contactId: number): Promise<number | null> {
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  if (!scope) return null;
  const row = await db.contact.findFirst({ where: { AND: [scope, { id: contactId }] }, select: { id: true } });
  return row?.id ?? null;
}

/** Where-fragment of records owned within the actor's scope of `module`, or null without access. */
function ownedScope(actor: StaffActor, module: Module): { ownerId?: number; owner?: object } | null {
  const scope = scopeFor(actor, module, "browse");
  if (scope === null) return null;
  if (scope === "all") return {};
  if (scope === "team") return { owner: { teamId: { in: teamReach(actor) } } };
  return { ownerId: actor.staffId };
}

const OPEN_STAGES = ["prospecting", "qualification", "proposal", "negotiation"] as const;
const OPEN_REQUESTS = ["new", "accepted", "in_progress", "waiting_customer"] as const;

export interface ContactFigures {
  openOpportunities: number | null;
  wonThisYear: string | null;
  openRequests: number | null;
  lastActivityAt: Date | null;
}

/** SQL of `ownedScope`: the opportunities (alias `o`) the actor's scope reaches, or null. */
function ownedScopeSql(actor: StaffActor, module: Module): Prisma.Sql | null {
  const scope = scopeFor(actor, module, "browse");
  if (scope === null) return null;
  if (scope === "all") return Prisma.sql`TRUE`;
  if (scope === "own") return Prisma.sql`o.ownerId = ${actor.staffId}`;
  const teams = teamReach(actor);
  if (teams.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`o.ownerId IN (SELECT s.id FROM \`Staff\` s WHERE s.teamId IN (${Prisma.join(teams)}))`;
}

interface FigureRow {
  openOpportunities: bigint | number | null;
  won: Prisma.Decimal | string | number | null;
  openRequests: bigint | number | null;
  lastNote: Date | null;
  lastTask: Date | null;
}

/**
 * The key figures in one statement (five subqueries, each on its contactId index) instead of five
 * Prisma round trips; a figure the actor may not see is not asked for (NULL).
 */
async function keyFigures(db: DbOrTx, actor: StaffActor, contactId: number, now: Date): Promise<ContactFigures> {
  const opp = ownedScopeSql(actor, "opportunities");
  const yearStart = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  const service = can(actor, "service", "browse");
  const opportunities = (stage: Prisma.Sql) =>
    Prisma.sql`FROM \`Opportunity\` o WHERE o.contactId = ${contactId} AND o.deletedAt IS NULL AND ${stage} AND ${opp ?? Prisma.sql`FALSE`}`;
  const rows = await db.$queryRaw<FigureRow[]>`
    SELECT
      ${opp ? Prisma.sql`(SELECT COUNT(*) ${opportunities(Prisma.sql`o.stage IN (${Prisma.join([...OPEN_STAGES])})`)})` : Prisma.sql`NULL`} AS openOpportunities,
      ${opp ? Prisma.sql`(SELECT COALESCE(SUM(o.amount), 0) ${opportunities(Prisma.sql`o.stage = 'won' AND o.closedAt >= ${yearStart}`)})` : Prisma.sql`NULL`} AS won,
      ${service ? Prisma.sql`(SELECT COUNT(*) FROM \`ServiceRequest\` r WHERE r.contactId = ${contactId} AND r.status IN (${Prisma.join([...OPEN_REQUESTS])}))` : Prisma.sql`NULL`} AS openRequests,
      (SELECT MAX(n.createdAt) FROM \`Note\` n WHERE n.contactId = ${contactId}) AS lastNote,
      (SELECT MAX(t.createdAt) FROM \`Task\` t WHERE t.contactId = ${contactId}) AS lastTask`;
  const row = rows[0];
  const last = [row?.lastNote, row?.lastTask].filter((d): d is Date => d instanceof Date);
  return {
    openOpportunities: row?.openOpportunities == null ? null : Number(row.openOpportunities),
    wonThisYear: row?.won == null ? null : new Prisma.Decimal(row.won).toFixed(2),
    openRequests: row?.openRequests == null ? null : Number(row.openRequests),
    lastActivityAt: last.length ? new Date(Math.max(...last.map((d) => d.getTime()))) : null,
  };
}

export interface ContactWorkspace {
  contact: ContactDetail;
  figures: ContactFigures;
  canModify: boolean;
  /** May the actor open companies (links to the company page)? */
  canBrowseCompanies: boolean;
}

/** The page header, key figures and the overview's facts; null (404) outside the actor's scope. */
export async function getContactWorkspace(
  db: DbOrTx,
  actor: StaffActor,
  contactId: number,
  now: Date = new Date(),
): Promise<ContactWorkspace | null> {
  const contact = await scopedContact(db, actor, contactId);
  if (!contact) return null;
  const [figures, canModify] = await Promise.all([
    keyFigures(db, actor, contactId, now),
    canModifyContact(db, actor, contactId, contact),
  ]);
  return { contact, figures, canModify, canBrowseCompanies: can(actor, "companies", "browse") };
}

/**
 * The overview tab's edit options (reports-to choices, region picker) from the contact the layout
 * already read in this request; null when not visible.
 */
export async function contactOverviewOptions(db: DbOrTx, actor: StaffActor, contactId: number) {
  const contact = await scopedContact(db, actor, contactId);
  if (!contact) return null;
  const editable = await canModifyContact(db, actor, contactId, contact);
  const browse = editable ? await recordScopeWhere(db, actor, "contact", "browse") : null;
  return {
    reportsTo: browse ? await reportsToOptions(db, actor, contact.companyId, contactId, browse) : [],
    region: contactRegionPicker(contact.regionCode),
  };
}

/** 单位与履历: the current company and the companies the contact worked at before, newest first. */
export async function getContactCompanyHistory(db: DbOrTx, actor: StaffActor, contactId: number) {
  if ((await visibleContactId(db, actor, contactId)) === null) return null;
  const history = await db.contactCompanyHistory.findMany({
    where: { contactId },
    orderBy: [{ endedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      companyId: true,
      companyName: true,
      title: true,
      startedAt: true,
      endedAt: true,
      company: { select: { deletedAt: true } },
    },
    take: 100,
  });
  return {
    history: history.map(({ company, ...h }) => ({
      ...h,
      companyLive: company !== null && company.deletedAt === null,
    })),
  };
}

/** 汇报关系: the chain of managers above (up to 10) and the direct reports below. */
export async function getContactOrgChart(db: DbOrTx, actor: StaffActor, contactId: number) {
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  if (!scope) return null;
  const self = await db.contact.findFirst({
    where: { AND: [scope, { id: contactId }] },
    select: { id: true, fullName: true, title: true, reportsToId: true },
  });
  if (!self) return null;
  const managers: Array<{ id: number; fullName: string; title: string | null; visible: boolean }> = [];
  const seen = new Set([self.id]);
  let next = self.reportsToId;
  while (next !== null && managers.length < 10 && !seen.has(next)) {
    seen.add(next);
    const m = await db.contact.findFirst({
      where: { id: next, deletedAt: null },
      select: { id: true, fullName: true, title: true, reportsToId: true },
    });
    if (!m) break;
    const visible = (await db.contact.count({ where: { AND: [scope, { id: m.id }] } })) > 0;
    managers.unshift({ id: m.id, fullName: m.fullName, title: m.title, visible });
    next = m.reportsToId;
  }
  const reports = await db.contact.findMany({
    where: { AND: [scope, { reportsToId: contactId }] },
    select: { id: true, fullName: true, title: true, department: true, _count: { select: { reports: true } } },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    take: 200,
  });
  return { self, managers, reports };
}

export type RelatedKind = "leads" | "opportunities" | "service" | "assets";

/** One related list (leads / opportunities / service requests / assets); null when out of scope. */
export async function getContactRelated(db: DbOrTx, actor: StaffActor, contactId: number, kind: RelatedKind) {
  if ((await visibleContactId(db, actor, contactId)) === null) return null;
  const take = 100;
  switch (kind) {
    case "leads": {
      const owned = ownedScope(actor, "leads");
      const rows = owned
        ? await db.lead.findMany({
            where: { ...owned, convertedContactId: contactId },
            select: {
              id: true,
              number: true,
              status: true,
              companyName: true,
              createdAt: true,
              owner: { select: { name: true } },
            },
            orderBy: { id: "desc" },
            take,
          })
        : [];
      return { kind, allowed: owned !== null, leads: rows } as const;
    }
    case "opportunities": {
      const owned = ownedScope(actor, "opportunities");
      const rows = owned
        ? await db.opportunity.findMany({
            where: { ...owned, contactId, deletedAt: null },
            select: {
              id: true,
              number: true,
              name: true,
              stage: true,
              amount: true,
              expectedCloseDate: true,
              owner: { select: { name: true } },
            },
            orderBy: { id: "desc" },
            take,
          })
        : [];
      return {
        kind,
        allowed: owned !== null,
        opportunities: rows.map((o) => ({ ...o, amount: o.amount.toFixed(2) })),
      } as const;
    }
    case "service": {
      const allowed = can(actor, "service", "browse");
      const rows = allowed
        ? await db.serviceRequest.findMany({
            where: { contactId },
            select: { id: true, number: true, subject: true, status: true, createdAt: true },
            orderBy: { id: "desc" },
            take,
          })
        : [];
      return { kind, allowed, requests: rows } as const;
    }
    case "assets": {
      const allowed = can(actor, "service", "browse");
      const rows = allowed
        ? await db.asset.findMany({
            where: { contactId },
            select: { id: true, number: true, name: true, model: true, status: true },
            orderBy: { id: "desc" },
            take,
          })
        : [];
      return { kind, allowed, assets: rows } as const;
    }
  }
}

/** The notes / tasks widgets on this contact: null out of scope, write access for whoever may modify. */
export async function contactWorkAccess(
  db: DbOrTx,
  actor: StaffActor,
  contactId: number,
): Promise<RecordWidgetAccess | null> {
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  if (!scope) return null;
  const row = await db.contact.findFirst({ where: { AND: [scope, { id: contactId }] }, select: { ownerId: true } });
  if (!row) return null;
  const canWrite = await canModifyContact(db, actor, contactId);
  return { target: { contactId }, canWrite, defaultAssigneeId: row.ownerId ?? undefined };
}

/** 活动: notes, tasks and the audit trail of the contact, for the timeline. */
export async function getContactActivity(db: DbOrTx, actor: StaffActor, contactId: number, now = new Date()) {
  const access = await contactWorkAccess(db, actor, contactId);
  if (!access) return null;
  const activity = await recordActivity(db, { contactId }, { entityType: "Contact", entityId: contactId }, now);
  return { canWrite: access.canWrite, ...activity };
}

/** 附件: files attached to the contact (ownerType "contact"). */
export async function getContactAttachments(db: DbOrTx, actor: StaffActor, contactId: number) {
  if ((await visibleContactId(db, actor, contactId)) === null) return null;
  const attachments = await db.attachment.findMany({
    where: { ownerType: "contact", ownerId: contactId },
    select: { id: true, fileName: true, size: true, mimeType: true, createdAt: true },
    orderBy: { id: "desc" },
    take: 200,
  });
  return { attachments };
}
