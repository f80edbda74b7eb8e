import { execFileSync } from "node:child_process";
import mysql from "mysql2/promise";
import { SecretIndex } from "./secrets.ts";

// The sweep's expectation of who may see what, computed straight from the e2e database with plain
// SQL and the rules as the product states them (README roles, decision 026): own = owner is me,
// team = owner in my team or a team below it, all = every live record, plus records shared with me
// or my team. It deliberately does not call recordScopeWhere or any service: a bug there must show up
// as a disagreement between this oracle and what the server answers.

export const RECORD_TYPES = [
  "company",
  "contact",
  "lead",
  "opportunity",
  "serviceRequest",
  "asset",
  "contract",
  "zone",
  "member",
  "thread",
  "campaign",
  "article",
  "admin",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

type Scope = "own" | "team" | "all";
type Row = mysql.RowDataPacket;

export interface Principal {
  staffId: number;
  email: string;
  name: string;
  isAdmin: boolean;
  /** Browse scope per module (role grants merged to the widest, then per-user overrides). */
  browse: Map<string, Scope>;
  /** Modify scope per module (campaign visibility counts it). */
  modify: Map<string, Scope>;
  teams: Set<number>;
}

export interface RecordFacts {
  type: RecordType;
  id: number;
  ownerId: number | null;
  /** Identifying texts: name, number, e-mail, phones. */
  strings: string[];
  /** The record's name among `strings` (an "exists, owned by X" notice may show it, nothing else). */
  name?: string;
  /** Names a page of this record legitimately shows about records it links to (company, contact…). */
  references: string[];
  /** Extra facts the visibility rules need (zone managers, assignees, participants…). */
  companyId?: number | null;
  assigneeId?: number | null;
  staffIds?: number[];
}

export interface Oracle {
  principals: Map<string, Principal>;
  records: Map<RecordType, Map<number, RecordFacts>>;
  /** Record number (ACNT…, CONT…) → record, for parameters that carry a number instead of an id. */
  byNumber: Map<string, { type: RecordType; id: number }>;
  /** Texts every signed-in staff member may see: staff names and e-mails, team names. */
  publicStrings: string[];
  visible(principal: Principal, type: RecordType, id: number): boolean;
}

export function e2eDatabaseUrl(): string {
  const base = process.env.DATABASE_URL ?? execFileSync("bash", ["scripts/db.sh", "url"], { encoding: "utf8" }).trim();
  return `${base.slice(0, base.lastIndexOf("/"))}/${process.env.E2E_DB ?? "relay_e2e"}`;
}

const RANK: Record<Scope, number> = { own: 0, team: 1, all: 2 };
const idOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const nameOf = (names: ReadonlyMap<number, string>, id: unknown) => {
  const key = idOrNull(id);
  return key === null ? null : names.get(key);
};
const texts = (...values: unknown[]) =>
  values.filter((v): v is string => typeof v === "string" && v.trim().length > 0).map((v) => v.trim());

async function rows(conn: mysql.Connection, sql: string): Promise<Row[]> {
  const [result] = await conn.query<Row[]>(sql);
  return result;
}

function descendants(teamId: number | null, parents: ReadonlyMap<number, number | null>): Set<number> {
  const out = new Set<number>();
  if (teamId === null) return out;
  out.add(teamId);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, parent] of parents)
      if (parent !== null && out.has(parent) && !out.has(id)) {
        out.add(id);
        grew = true;
      }
  }
  return out;
}

async function loadPrincipals(conn: mysql.Connection): Promise<Map<string, Principal>> {
  const teams = await rows(conn, "SELECT id, parentId FROM Team");
  const parents = new Map(teams.map((t) => [Number(t.id), idOrNull(t.parentId)]));
  const staff = await rows(conn, "SELECT id, email, name, teamId FROM Staff");
  const grants = await rows(
    conn,
    `SELECT sr.staffId, r.isAdmin, rp.module, rp.action, rp.scope
       FROM StaffRole sr JOIN Role r ON r.id = sr.roleId LEFT JOIN RolePermission rp ON rp.roleId = r.id`,
  );
  const overrides = await rows(conn, "SELECT staffId, module, action, scope FROM StaffPermissionOverride");
  const out = new Map<string, Principal>();
  for (const s of staff) {
    const p: Principal = {
      staffId: Number(s.id),
      email: String(s.email),
      name: String(s.name),
      isAdmin: false,
      browse: new Map(),
      modify: new Map(),
      teams: descendants(idOrNull(s.teamId), parents),
    };
    for (const g of grants.filter((g) => Number(g.staffId) === p.staffId)) {
      if (g.isAdmin) p.isAdmin = true;
      const map = g.action === "browse" ? p.browse : g.action === "modify" ? p.modify : null;
      if (!map || g.module === null) continue;
      const current = map.get(String(g.module));
      if (!current || RANK[g.scope as Scope] > RANK[current]) map.set(String(g.module), g.scope as Scope);
    }
    for (const o of overrides.filter((o) => Number(o.staffId) === p.staffId)) {
      const map = o.action === "browse" ? p.browse : o.action === "modify" ? p.modify : null;
      if (!map) continue;
      if (o.scope === null) map.delete(String(o.module));
      else map.set(String(o.module), o.scope as Scope);
    }
    out.set(p.email, p);
  }
  return out;
}

export async function loadOracle(url = e2eDatabaseUrl()): Promise<Oracle> {
  const conn = await mysql.createConnection(url);
  try {
    const principals = await loadPrincipals(conn);
    const staffTeam = new Map(
      (await rows(conn, "SELECT id, teamId FROM Staff")).map((s) => [Number(s.id), idOrNull(s.teamId)]),
    );
    const shares = await rows(conn, "SELECT entityType, recordId, staffId, teamId FROM RecordShare");
    const strategies = new Map(
      (await rows(conn, "SELECT module, strategy FROM PermissionConflictPolicy")).map((r) => [
        String(r.module),
        String(r.strategy),
      ]),
    );
    const companies = await rows(
      conn,
      "SELECT id, number, name, phone, email, ownerId, parentId FROM Company WHERE deletedAt IS NULL",
    );
    const companyName = new Map(companies.map((c) => [Number(c.id), String(c.name)]));
    const members = await rows(conn, "SELECT id, email, nickname, realName, phone, contactId, companyId FROM Member");
    const memberName = new Map(members.map((m) => [Number(m.id), String(m.nickname)]));
    const contacts = await rows(
      conn,
      "SELECT id, number, fullName, email, mobile, phone, homePhone, companyId, ownerId FROM Contact WHERE deletedAt IS NULL",
    );
    const contactName = new Map(contacts.map((c) => [Number(c.id), String(c.fullName)]));
    const zoneManagers = await rows(
      conn,
      "SELECT z.id, z.companyId, z.name, zm.staffId FROM Zone z LEFT JOIN ZoneManager zm ON zm.zoneId = z.id",
    );
    const managersOfCompany = new Map<number, number[]>();
    for (const z of zoneManagers) {
      const list = managersOfCompany.get(Number(z.companyId)) ?? [];
      if (z.staffId !== null) list.push(Number(z.staffId));
      managersOfCompany.set(Number(z.companyId), list);
    }
    const companyOwner = new Map(companies.map((c) => [Number(c.id), idOrNull(c.ownerId)]));

    const records = new Map<RecordType, Map<number, RecordFacts>>(RECORD_TYPES.map((t) => [t, new Map()]));
    const add = (facts: RecordFacts) => records.get(facts.type)!.set(facts.id, facts);
    const byNumber = new Map<string, { type: RecordType; id: number }>();
    const num = (type: RecordType, id: number, number: unknown) => {
      if (typeof number === "string") byNumber.set(number, { type, id });
    };

    for (const c of companies) {
      num("company", Number(c.id), c.number);
      add({
        type: "company",
        id: Number(c.id),
        ownerId: idOrNull(c.ownerId),
        name: String(c.name),
        strings: texts(c.name, c.number, c.phone, c.email),
        references: texts(nameOf(companyName, c.parentId)),
      });
    }
    for (const c of contacts) {
      num("contact", Number(c.id), c.number);
      add({
        type: "contact",
        id: Number(c.id),
        ownerId: idOrNull(c.ownerId),
        name: String(c.fullName),
        strings: texts(c.fullName, c.number, c.email, c.mobile, c.phone, c.homePhone),
        // a contact's own portal account (its member tab) is part of the contact
        references: texts(
          nameOf(companyName, c.companyId),
          ...members.filter((m) => Number(m.contactId) === Number(c.id)).flatMap((m) => [m.nickname, m.email]),
        ),
      });
    }
    const assignments = await rows(conn, "SELECT leadId, staffId FROM LeadAssignment WHERE recalledAt IS NULL");
    const campaigns = await rows(conn, "SELECT id, name, ownerId FROM Campaign");
    const campaignName = new Map(campaigns.map((c) => [Number(c.id), String(c.name)]));
    for (const l of await rows(
      conn,
      `SELECT id, number, ownerId, contactName, contactEmail, contactPhone, contactMobile, companyName, companyPhone,
              convertedContactId, convertedCompanyId, memberId, campaignId FROM \`Lead\` WHERE deletedAt IS NULL`,
    )) {
      num("lead", Number(l.id), l.number);
      add({
        type: "lead",
        id: Number(l.id),
        ownerId: Number(l.ownerId),
        strings: texts(
          l.number,
          l.contactName,
          l.contactEmail,
          l.contactPhone,
          l.contactMobile,
          l.companyName,
          l.companyPhone,
        ),
        references: texts(
          nameOf(contactName, l.convertedContactId),
          nameOf(companyName, l.convertedCompanyId),
          nameOf(memberName, l.memberId),
          nameOf(campaignName, l.campaignId),
        ),
        staffIds: assignments.filter((a) => Number(a.leadId) === Number(l.id)).map((a) => Number(a.staffId)),
      });
    }
    for (const o of await rows(
      conn,
      "SELECT id, number, name, ownerId, companyId, contactId, leadId FROM Opportunity WHERE deletedAt IS NULL",
    )) {
      // an opportunity converted from a lead is part of that lead's story (its convert page and
      // campaign figures show it: "derived resource", campaign-stats), so a lead's reader may see it
      records
        .get("lead")!
        .get(Number(o.leadId))
        ?.references.push(...texts(o.name, o.number));
      num("opportunity", Number(o.id), o.number);
      add({
        type: "opportunity",
        id: Number(o.id),
        ownerId: Number(o.ownerId),
        strings: texts(o.number, o.name),
        references: texts(nameOf(companyName, o.companyId), nameOf(contactName, o.contactId)),
      });
    }
    for (const r of await rows(
      conn,
      "SELECT id, number, subject, companyId, contactId, memberId, assigneeId FROM ServiceRequest",
    )) {
      num("serviceRequest", Number(r.id), r.number);
      add({
        type: "serviceRequest",
        id: Number(r.id),
        ownerId: null,
        companyId: Number(r.companyId),
        assigneeId: idOrNull(r.assigneeId),
        strings: texts(r.number, r.subject),
        references: texts(
          companyName.get(Number(r.companyId)),
          nameOf(contactName, r.contactId),
          nameOf(memberName, r.memberId),
        ),
      });
    }
    for (const a of await rows(conn, "SELECT id, number, name, serialNumber, companyId, contactId FROM Asset")) {
      num("asset", Number(a.id), a.number);
      add({
        type: "asset",
        id: Number(a.id),
        ownerId: null,
        companyId: Number(a.companyId),
        strings: texts(a.number, a.serialNumber),
        references: texts(a.name, companyName.get(Number(a.companyId)), nameOf(contactName, a.contactId)),
      });
    }
    for (const c of await rows(conn, "SELECT id, number, name, companyId, ownerId FROM ServiceContract")) {
      num("contract", Number(c.id), c.number);
      add({
        type: "contract",
        id: Number(c.id),
        ownerId: idOrNull(c.ownerId),
        companyId: Number(c.companyId),
        strings: texts(c.number, c.name),
        references: texts(companyName.get(Number(c.companyId))),
      });
    }
    for (const z of zoneManagers) {
      const id = Number(z.id);
      const existing = records.get("zone")!.get(id);
      if (existing) {
        if (z.staffId !== null) existing.staffIds!.push(Number(z.staffId));
        continue;
      }
      add({
        type: "zone",
        id,
        ownerId: null,
        companyId: Number(z.companyId),
        staffIds: z.staffId === null ? [] : [Number(z.staffId)],
        strings: [],
        references: texts(z.name, companyName.get(Number(z.companyId))),
      });
    }
    for (const m of members) {
      add({
        type: "member",
        id: Number(m.id),
        ownerId: null,
        strings: texts(m.email, m.nickname, m.realName, m.phone),
        references: texts(nameOf(contactName, m.contactId), nameOf(companyName, m.companyId)),
      });
    }
    for (const t of await rows(conn, "SELECT id, subject, memberId, assignedStaffId FROM MessageThread")) {
      add({
        type: "thread",
        id: Number(t.id),
        ownerId: null,
        assigneeId: idOrNull(t.assignedStaffId),
        strings: texts(t.subject),
        references: texts(memberName.get(Number(t.memberId))),
      });
    }
    const participants = await rows(conn, "SELECT campaignId, staffId FROM CampaignParticipant");
    for (const c of campaigns) {
      add({
        type: "campaign",
        id: Number(c.id),
        ownerId: Number(c.ownerId),
        strings: texts(c.name),
        references: [],
        staffIds: participants.filter((p) => Number(p.campaignId) === Number(c.id)).map((p) => Number(p.staffId)),
      });
    }
    for (const a of await rows(conn, "SELECT id, number, summary FROM KnowledgeArticle")) {
      num("article", Number(a.id), a.number);
      add({ type: "article", id: Number(a.id), ownerId: null, strings: texts(a.number), references: texts(a.summary) });
    }

    const sharedWith = (p: Principal, type: string, id: number) =>
      shares.some(
        (s) =>
          s.entityType === type &&
          Number(s.recordId) === id &&
          (Number(s.staffId) === p.staffId || (s.teamId !== null && p.teams.has(Number(s.teamId)))),
      );
    const owns = (p: Principal, scope: Scope, ownerId: number | null | undefined) =>
      ownerId != null && (ownerId === p.staffId || (scope === "team" && p.teams.has(staffTeam.get(ownerId) ?? -1)));
    // Customers a staff member serves (service scope): co-manager of their zone, or their owner.
    const serves = (p: Principal, scope: Scope, companyId: number | null | undefined) => {
      if (companyId == null) return false;
      if (scope === "all") return true;
      const staff = [...(managersOfCompany.get(companyId) ?? []), companyOwner.get(companyId) ?? -1];
      return staff.some((s) => s === p.staffId || (scope === "team" && p.teams.has(staffTeam.get(s) ?? -1)));
    };
    const businessCounts = (module: string) => (strategies.get(module) ?? "either") !== "administrative";

    const visible = (p: Principal, type: RecordType, id: number): boolean => {
      if (p.isAdmin) return true;
      const r = records.get(type)!.get(id);
      if (!r) return false; // deleted, merged or never existed
      const scope = (module: string) => p.browse.get(module) ?? null;
      switch (type) {
        case "company":
        case "contact": {
          const s = scope(type === "company" ? "companies" : "contacts");
          return s !== null && (s === "all" || owns(p, s, r.ownerId) || sharedWith(p, type, id));
        }
        case "lead": {
          const s = scope("leads");
          if (s === null) return false;
          return s === "all" || owns(p, s, r.ownerId) || (businessCounts("leads") && r.staffIds!.includes(p.staffId));
        }
        case "opportunity": {
          const s = scope("opportunities");
          return s !== null && (s === "all" || owns(p, s, r.ownerId));
        }
        case "serviceRequest": {
          const s = scope("service");
          if (s === null) return false;
          return serves(p, s, r.companyId) || owns(p, s, r.assigneeId);
        }
        case "asset":
        case "zone": {
          const s = scope("service");
          return s !== null && (serves(p, s, r.companyId) || (r.staffIds ?? []).includes(p.staffId));
        }
        case "contract": {
          const s = scope("service");
          return s !== null && (serves(p, s, r.companyId) || owns(p, s, r.ownerId));
        }
        case "member":
          return scope("members") !== null;
        case "thread": {
          const s = scope("members");
          if (s === null) return false;
          return s === "all" || r.assigneeId === null || owns(p, s, r.assigneeId);
        }
        case "campaign": {
          const b = scope("campaigns");
          const m = p.modify.get("campaigns") ?? null;
          if (b === "all" || m === "all") return true;
          const teamScoped = b === "team" || m === "team";
          return (
            r.ownerId === p.staffId ||
            (businessCounts("campaigns") && r.staffIds!.includes(p.staffId)) ||
            (teamScoped && owns(p, "team", r.ownerId))
          );
        }
        case "article":
          return scope("knowledge") !== null;
        case "admin":
          return false;
      }
    };

    const publicStrings = [
      ...(await rows(conn, "SELECT name, email FROM Staff")).flatMap((s) => texts(s.name, s.email)),
      ...(await rows(conn, "SELECT name FROM Team")).flatMap((t) => texts(t.name)),
    ];
    return { principals, records, byNumber, publicStrings, visible };
  } finally {
    await conn.end();
  }
}

/** A secret: which record it identifies, and whether it is that record's name. */
export interface SecretOwner {
  record: string;
  isName: boolean;
}

/**
 * What `principal` must never be shown: the identifying texts of every record outside their scope,
 * less any text they legitimately see (their own records' texts, the names their records link to,
 * staff and team names, the UI's own words such as the "e.g. ACNT000000000001" hint), and less any
 * secret that is part of such a visible text.
 */
export function secretsFor(oracle: Oracle, principal: Principal, uiTexts: readonly string[]): SecretIndex {
  const hidden = new Map<string, SecretOwner>();
  const allowed = new Set<string>(oracle.publicStrings);
  for (const [type, byId] of oracle.records) {
    for (const r of byId.values()) {
      if (oracle.visible(principal, type, r.id)) {
        for (const s of [...r.strings, ...r.references]) allowed.add(s);
      } else {
        for (const s of r.strings)
          if (!hidden.has(s)) hidden.set(s, { record: `${type} ${r.id}`, isName: s === r.name });
      }
    }
  }
  const allowedList = [...allowed];
  const secrets = new Map<string, SecretOwner>();
  for (const [text, owner] of hidden) {
    if (allowed.has(text) || text.length < 2) continue;
    if (allowedList.some((a) => a.includes(text)) || uiTexts.some((t) => t.includes(text))) continue;
    secrets.set(text, owner);
  }
  return new SecretIndex(secrets);
}
