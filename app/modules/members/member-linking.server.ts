import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { companyNameKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { suggestRecordMatches, type MatchCandidate } from "#app/modules/crm/record-suggestions.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { THRESHOLDS } from "#search/fuzzy/scorer.ts";
import {
  assertCanModifyMembers,
  auditMember,
  changedFields,
  MemberAdminError,
  recordLabel,
  type ActionMeta,
} from "./member-admin.server.ts";

// 会员 ↔ CRM 联系人/单位: staff link a member to the person and organisation they are in the CRM.
// Suggestions are exact matches on the normalised keys, each with the evidence that produced it;
// a contact belongs to at most one member (Member.contactId is unique).

export type ContactEvidence = "email" | "phone" | "name";
export type CompanyEvidence = "companyName" | "contactCompany" | "phone";

const SUGGESTION_LIMIT = 10;
export const CONTACT_SEARCH_LIMIT = 10;

/** A contact as the member pages show it (the linked contact, the suggestions). */
export const contactCardSelect = {
  id: true,
  number: true,
  fullName: true,
  title: true,
  email: true,
  mobile: true,
  phone: true,
  company: { select: { id: true, number: true, name: true } },
} as const;

const contactSelect = {
  ...contactCardSelect,
  emailKey: true,
  phoneKey: true,
  member: { select: { id: true, nickname: true, email: true } },
} satisfies Prisma.ContactSelect;

type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;

export interface ContactCandidate {
  id: number;
  /**
   * Set for candidates only the fuzzy matcher found (pinyin e-mail, typo, reformatted phone …):
   * its score, verdict and evidence codes (labels: `matching.evidence.<code>`). Exact-key
   * candidates carry `evidence` instead and come first.
   */
  fuzzy?: Pick<MatchCandidate, "score" | "verdict" | "evidence">;
  number: string;
  fullName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  company: { id: number; number: string; name: string } | null;
  evidence: ContactEvidence[];
  /** The member this contact is linked to already, if any (it cannot be linked twice). */
  linkedMember: { id: number; nickname: string; email: string } | null;
}

export interface CompanyCandidate {
  id: number;
  number: string;
  name: string;
  city: string | null;
  evidence: CompanyEvidence[];
}

function toCandidate(row: ContactRow, evidence: ContactEvidence[]): ContactCandidate {
  return {
    id: row.id,
    number: row.number,
    fullName: row.fullName,
    title: row.title,
    email: row.email,
    phone: row.mobile ?? row.phone,
    company: row.company,
    evidence,
    linkedMember: row.member,
  };
}

/** The member's own keys, computed again in case a row predates phoneKey being filled in. */
function memberKeys(member: { email: string; phone: string | null; phoneKey: string | null; realName: string | null }) {
  return {
    email: emailKey(member.email),
    phone: member.phoneKey ?? phoneKey(member.phone),
    name: member.realName?.trim() || null,
  };
}

/**
 * Likely contacts (same e-mail, phone or full name as the member's real name) and companies (same
 * name key as the company the member typed, the suggested contacts' companies, same phone), best
 * evidence first.
 */
export async function suggestLinks(
  db: DbOrTx,
  memberId: number,
): Promise<{ contacts: ContactCandidate[]; companies: CompanyCandidate[] }> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: { email: true, phone: true, phoneKey: true, realName: true, companyName: true },
  });
  if (!member) throw new MemberAdminError("member-not-found");
  const keys = memberKeys(member);

  const contactOr: Prisma.ContactWhereInput[] = [];
  if (keys.email) contactOr.push({ emailKey: keys.email });
  if (keys.phone) contactOr.push({ phoneKey: keys.phone });
  if (keys.name) contactOr.push({ fullName: keys.name });
  const rows = contactOr.length
    ? await db.contact.findMany({ where: { OR: contactOr }, select: contactSelect, orderBy: { id: "asc" }, take: 100 })
    : [];
  const contacts = rows
    .map((row) => {
      const evidence: ContactEvidence[] = [];
      if (keys.email && row.emailKey === keys.email) evidence.push("email");
      if (keys.phone && row.phoneKey === keys.phone) evidence.push("phone");
      // The column collation already compared case-insensitively; compare the same way here.
      if (keys.name && row.fullName.toLowerCase() === keys.name.toLowerCase()) evidence.push("name");
      return toCandidate(row, evidence);
    })
    .filter((c) => c.evidence.length > 0)
    .sort((a, b) => b.evidence.length - a.evidence.length || a.id - b.id)
    .slice(0, SUGGESTION_LIMIT);

  // Then what only the fuzzy matcher sees (at least a "possible duplicate"), best score first.
  if (contacts.length < SUGGESTION_LIMIT && (keys.email || keys.phone || keys.name)) {
    const fuzzy = await suggestRecordMatches(
      db,
      { name: keys.name, email: member.email, mobile: member.phone, companyName: member.companyName },
      { limit: SUGGESTION_LIMIT, minScore: THRESHOLDS.possible },
    );
    const known = new Set(contacts.map((c) => c.id));
    const extra = fuzzy.contacts.filter((m) => !known.has(m.id)).slice(0, SUGGESTION_LIMIT - contacts.length);
    if (extra.length > 0) {
      const extraRows = await db.contact.findMany({
        where: { id: { in: extra.map((m) => m.id) } },
        select: contactSelect,
      });
      const byId = new Map(extraRows.map((r) => [r.id, r]));
      for (const m of extra) {
        const row = byId.get(m.id);
        if (row)
          contacts.push({
            ...toCandidate(row, []),
            fuzzy: { score: m.score, verdict: m.verdict, evidence: m.evidence },
          });
      }
    }
  }

  const companyEvidence = new Map<number, Set<CompanyEvidence>>();
  const note = (id: number, evidence: CompanyEvidence) => {
    const set = companyEvidence.get(id) ?? new Set<CompanyEvidence>();
    set.add(evidence);
    companyEvidence.set(id, set);
  };
  for (const c of contacts) if (c.company) note(c.company.id, "contactCompany");
  const nameKey = member.companyName ? companyNameKey(member.companyName) : "";
  const companyOr: Prisma.CompanyWhereInput[] = [];
  if (nameKey) companyOr.push({ nameKey });
  if (keys.phone) companyOr.push({ phoneKey: keys.phone });
  if (companyOr.length) {
    const matches = await db.company.findMany({
      where: { OR: companyOr },
      select: { id: true, nameKey: true, phoneKey: true },
      take: 100,
    });
    for (const m of matches) {
      if (nameKey && m.nameKey === nameKey) note(m.id, "companyName");
      if (keys.phone && m.phoneKey === keys.phone) note(m.id, "phone");
    }
  }
  const companyRows = companyEvidence.size
    ? await db.company.findMany({
        where: { id: { in: [...companyEvidence.keys()] } },
        select: { id: true, number: true, name: true, city: true },
      })
    : [];
  const order: CompanyEvidence[] = ["companyName", "contactCompany", "phone"];
  const companies = companyRows
    .map((row) => ({
      ...row,
      evidence: order.filter((e) => companyEvidence.get(row.id)?.has(e)),
    }))
    .sort((a, b) => b.evidence.length - a.evidence.length || a.id - b.id)
    .slice(0, SUGGESTION_LIMIT);

  return { contacts, companies };
}

/** Staff look for another contact by number, name, e-mail or phone digits. */
export async function searchContacts(
  db: DbOrTx,
  query: string,
  limit = CONTACT_SEARCH_LIMIT,
): Promise<ContactCandidate[]> {
  const q = query.normalize("NFKC").trim();
  if (!q) return [];
  const or: Prisma.ContactWhereInput[] = [
    { fullName: { contains: q } },
    { emailKey: { contains: q.toLowerCase() } },
    { number: { startsWith: q.toUpperCase() } },
  ];
  // Phone-looking input (digits with the usual separators) searches the digits-only key.
  if (/^[\d\s+()-]+$/.test(q)) {
    const digits = q.replace(/\D+/g, "");
    if (digits.length >= 4) or.push({ phoneKey: { contains: phoneKey(q) ?? digits } });
  }
  const rows = await db.contact.findMany({
    where: { OR: or },
    select: contactSelect,
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((row) => toCandidate(row, []));
}

export type CompanyChoice = "contact" | "none" | number;

async function currentLink(tx: DbOrTx, memberId: number) {
  const member = await tx.member.findUnique({
    where: { id: memberId },
    select: {
      status: true,
      contactId: true,
      companyId: true,
      contact: { select: { number: true, fullName: true } },
      company: { select: { number: true, name: true } },
    },
  });
  if (!member) throw new MemberAdminError("member-not-found");
  if (member.status === "deregistered") throw new MemberAdminError("invalid-state");
  return member;
}

function linkSnapshot(link: {
  contactId: number | null;
  companyId: number | null;
  contact: { number: string; fullName: string } | null;
  company: { number: string; name: string } | null;
}) {
  return {
    contactId: link.contactId,
    contact: recordLabel(link.contact ? { number: link.contact.number, name: link.contact.fullName } : null),
    companyId: link.companyId,
    company: recordLabel(link.company),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function takenBy(db: DbOrTx, contactId: number) {
  return db.member.findFirst({ where: { contactId }, select: { id: true, nickname: true, email: true } });
}

/**
 * Links the member to a contact; the company follows the contact's company unless staff chose a
 * specific company or none. Returns false when nothing changed. A contact already linked to another
 * member is refused with "contact-taken" (also when a concurrent link wins the unique index).
 */
export async function linkMemberToContact(
  db: Db,
  actor: StaffActor,
  memberId: number,
  input: { contactId: number; company: CompanyChoice },
  meta: ActionMeta = {},
): Promise<boolean> {
  assertCanModifyMembers(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await currentLink(tx, memberId);
      const contact = await tx.contact.findUnique({
        where: { id: input.contactId },
        select: { id: true, number: true, fullName: true, company: { select: { id: true, number: true, name: true } } },
      });
      if (!contact) throw new MemberAdminError("contact-not-found");
      const other = await takenBy(tx, contact.id);
      if (other && other.id !== memberId) {
        throw new MemberAdminError("contact-taken", {
          nickname: other.nickname,
          email: other.email,
          memberId: other.id,
        });
      }
      let company: { id: number; number: string; name: string } | null;
      if (input.company === "contact") company = contact.company;
      else if (input.company === "none") company = null;
      else {
        company = await tx.company.findUnique({
          where: { id: input.company },
          select: { id: true, number: true, name: true },
        });
        if (!company) throw new MemberAdminError("company-not-found");
      }
      const after = { contactId: contact.id, companyId: company?.id ?? null, contact, company };
      const diff = changedFields(linkSnapshot(before), linkSnapshot(after));
      if (Object.keys(diff.after).length === 0) return false;
      await tx.member.update({
        where: { id: memberId },
        data: { contactId: contact.id, companyId: company?.id ?? null },
      });
      await auditMember(tx, actor, memberId, "member.linked", diff.before, diff.after, meta);
      return true;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const other = await takenBy(db, input.contactId);
    throw new MemberAdminError(
      "contact-taken",
      other ? { nickname: other.nickname, email: other.email, memberId: other.id } : {},
    );
  }
}

/** Links (or changes) only the company, keeping the contact. Returns false when nothing changed. */
export async function linkMemberToCompany(
  db: Db,
  actor: StaffActor,
  memberId: number,
  companyId: number,
  meta: ActionMeta = {},
): Promise<boolean> {
  assertCanModifyMembers(actor);
  return db.$transaction(async (tx) => {
    const before = await currentLink(tx, memberId);
    const company = await tx.company.findUnique({
      where: { id: companyId },
      select: { id: true, number: true, name: true },
    });
    if (!company) throw new MemberAdminError("company-not-found");
    if (before.companyId === company.id) return false;
    await tx.member.update({ where: { id: memberId }, data: { companyId: company.id } });
    await auditMember(
      tx,
      actor,
      memberId,
      "member.linked",
      { companyId: before.companyId, company: recordLabel(before.company) },
      { companyId: company.id, company: recordLabel(company) },
      meta,
    );
    return true;
  });
}

/** Removes both links. Returns false when the member was not linked. */
export async function unlinkMember(
  db: Db,
  actor: StaffActor,
  memberId: number,
  meta: ActionMeta = {},
): Promise<boolean> {
  assertCanModifyMembers(actor);
  return db.$transaction(async (tx) => {
    const before = await currentLink(tx, memberId);
    if (before.contactId === null && before.companyId === null) return false;
    await tx.member.update({ where: { id: memberId }, data: { contactId: null, companyId: null } });
    const diff = changedFields(linkSnapshot(before), {
      contactId: null,
      contact: null,
      companyId: null,
      company: null,
    });
    await auditMember(tx, actor, memberId, "member.unlinked", diff.before, diff.after, meta);
    return true;
  });
}
