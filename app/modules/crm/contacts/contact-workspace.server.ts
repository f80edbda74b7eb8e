import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { recordActivity } from "#app/modules/audit/record-history.server.ts";
import { can, scopeFor, type Module } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, teamReach } from "#app/modules/crm/access/record-scope.server.ts";
import type { RecordWidgetAccess } from "#app/modules/notes/record-widget-actions.server.ts";
import { canModifyContact } from "./contacts.server.ts";

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
  owner: { select: { id: true, name: true } },
  member: { select: { id: true, nickname: true, email: true, status: true } },
} satisfies Prisma.ContactSelect;

export type ContactDetail = Prisma.ContactGetPayload<{ select: typeof CONTACT_SELECT }>;

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

async function keyFigures(db: DbOrTx, actor: StaffActor, contactId: number, now: Date): Promise<ContactFigures> {
  const opp = ownedScope(actor, "opportunities");
  const yearStart = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  const service = can(actor, "service", "browse");
  const [open, won, requests, lastNote, lastTask] = await Promise.all([
    opp
      ? db.opportunity.count({
          where: { ...opp, contactId, deletedAt: null, stage: { in: [...OPEN_STAGES] } },
        })
      : null,
    opp
      ? db.opportunity.aggregate({
          where: { ...opp, contactId, deletedAt: null, stage: "won", closedAt: { gte: yearStart } },
          _sum: { amount: true },
        })
      : null,
    service ? db.serviceRequest.count({ where: { contactId, status: { in: [...OPEN_REQUESTS] } } }) : null,
    db.note.findFirst({ where: { contactId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    db.task.findFirst({ where: { contactId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  const last = [lastNote?.createdAt, lastTask?.createdAt].filter((d): d is Date => d instanceof Date);
  return {
    openOpportunities: open,
    wonThisYear: won ? (won._sum.amount?.toFixed(2) ?? "0.00") : null,
    openRequests: requests,
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
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  if (!scope) return null;
  const contact = await db.contact.findFirst({ where: { AND: [scope, { id: contactId }] }, select: CONTACT_SELECT });
  if (!contact) return null;
  const [figures, canModify] = await Promise.all([
    keyFigures(db, actor, contactId, now),
    canModifyContact(db, actor, contactId, contact),
  ]);
  return { contact, figures, canModify, canBrowseCompanies: can(actor, "companies", "browse") };
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
