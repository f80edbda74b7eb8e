import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { recordActivity } from "#app/modules/audit/record-history.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { leadScopeWhere } from "#app/modules/leads/record/lead-workspace.server.ts";
import { servedCompaniesWhere } from "#app/modules/zones/service-scope.server.ts";
import { MAX_TREE_DEPTH } from "./company-write.server.ts";
import { companyInScope, opportunityScopeWhere } from "./company-workspace.server.ts";
import { contactSummarySelect } from "#app/modules/crm/contacts/contact-list.server.ts";

// The company page's tabs. Every function first loads the company with the actor's company scope
// (null → 404), then lists the related records with the scope of THEIR module: a salesperson who
// may see the company but not all its opportunities sees only theirs; no grant → `null` list, which
// the tab shows as "no access" rather than an empty list.

const TAB_LIMIT = 100;
const OPEN_STAGES = ["prospecting", "qualification", "proposal", "negotiation"] as const;
const OPEN_REQUESTS = ["new", "accepted", "in_progress", "waiting_customer"] as const;

/** Key figures of the overview (#15 item 4), each within the actor's scope of its module. */
export async function getCompanyFigures(db: DbOrTx, actor: StaffActor, companyId: number, now = new Date()) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const opp = opportunityScopeWhere(actor);
  const served = servedCompaniesWhere(actor, "browse");
  const yearStart = new Date(Date.UTC(now.getUTCFullYear(), 0, 1) - 8 * 3600_000); // 1 January, China time
  const contactScope = await recordScopeWhere(db, actor, "contact", "browse");
  const [open, won, requests, lastNote, lastTask] = await Promise.all([
    opp
      ? db.opportunity.aggregate({
          where: { AND: [opp, { companyId, stage: { in: [...OPEN_STAGES] } }] },
          _count: { _all: true },
          _sum: { amount: true },
        })
      : null,
    opp
      ? db.opportunity.aggregate({
          where: { AND: [opp, { companyId, stage: "won", closedAt: { gte: yearStart } }] },
          _count: { _all: true },
          _sum: { amount: true },
        })
      : null,
    served
      ? db.serviceRequest.count({ where: { companyId, status: { in: [...OPEN_REQUESTS] }, company: served } })
      : null,
    // 最近联系: the newest note or completed task on the company or its contacts.
    db.note.findFirst({
      where: {
        OR: [{ companyId }, ...(contactScope ? [{ contact: { AND: [contactScope, { companyId }] } }] : [])],
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    db.task.findFirst({
      where: {
        doneAt: { not: null },
        OR: [{ companyId }, ...(contactScope ? [{ contact: { AND: [contactScope, { companyId }] } }] : [])],
      },
      orderBy: { doneAt: "desc" },
      select: { doneAt: true },
    }),
  ]);
  const last = [lastNote?.createdAt, lastTask?.doneAt].filter((d): d is Date => d instanceof Date);
  return {
    openOpportunities: open ? { count: open._count._all, amount: open._sum.amount?.toFixed(2) ?? "0.00" } : null,
    wonThisYear: won ? { count: won._count._all, amount: won._sum.amount?.toFixed(2) ?? "0.00" } : null,
    openRequests: requests,
    lastContactAt: last.length ? new Date(Math.max(...last.map((d) => d.getTime()))) : null,
  };
}

/** 联系人 of the company the actor may browse (contacts scope), by name. */
export async function listCompanyContacts(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  if (!scope) return { company, contacts: null };
  const contacts = await db.contact.findMany({
    where: { AND: [scope, { companyId }] },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    take: TAB_LIMIT,
    select: { ...contactSummarySelect, reportsToId: true },
  });
  return { company, contacts };
}

export interface TreeNode {
  id: number;
  number: string;
  name: string;
  city: string | null;
  children: TreeNode[];
  /** Subsidiaries below this one the actor may not see (counted, never named). */
  hidden: number;
}

/**
 * 组织结构: the chain of parents up to the top and the subsidiaries below (levels by breadth, at most
 * MAX_TREE_DEPTH deep and 500 nodes), only companies the actor may browse; the reports-to chart of
 * the company's visible contacts.
 */
export async function getCompanyOrganisation(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const scope = (await recordScopeWhere(db, actor, "company", "browse"))!;
  const select = { id: true, number: true, name: true, city: true, parentId: true } as const;

  const ancestors: Array<{ id: number; number: string; name: string } | null> = [];
  let up = await db.company.findUnique({ where: { id: companyId }, select: { parentId: true } });
  const seen = new Set([companyId]);
  while (up?.parentId && !seen.has(up.parentId) && ancestors.length < MAX_TREE_DEPTH) {
    seen.add(up.parentId);
    const row = await db.company.findFirst({ where: { AND: [scope, { id: up.parentId }] }, select });
    // A parent outside the actor's scope is shown as "a parent you cannot see", never by name.
    ancestors.unshift(row ? { id: row.id, number: row.number, name: row.name } : null);
    up = await db.company.findUnique({ where: { id: up.parentId }, select: { parentId: true } });
  }

  const root: TreeNode = {
    id: company.id,
    number: company.number,
    name: company.name,
    city: company.city,
    children: [],
    hidden: 0,
  };
  let level: TreeNode[] = [root];
  let total = 0;
  for (let depth = 0; depth < MAX_TREE_DEPTH && level.length > 0 && total < 500; depth++) {
    const ids = level.map((n) => n.id);
    const [visible, all] = await Promise.all([
      db.company.findMany({
        where: { AND: [scope, { parentId: { in: ids } }] },
        select,
        orderBy: { name: "asc" },
        take: 500,
      }),
      db.company.groupBy({
        by: ["parentId"],
        where: { parentId: { in: ids }, deletedAt: null },
        _count: { _all: true },
      }),
    ]);
    const byId = new Map(level.map((n) => [n.id, n]));
    const next: TreeNode[] = [];
    for (const row of visible) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const node: TreeNode = {
        id: row.id,
        number: row.number,
        name: row.name,
        city: row.city,
        children: [],
        hidden: 0,
      };
      byId.get(row.parentId!)?.children.push(node);
      next.push(node);
    }
    for (const g of all) {
      const node = g.parentId !== null ? byId.get(g.parentId) : undefined;
      if (node) node.hidden = Math.max(0, g._count._all - node.children.length);
    }
    total += next.length;
    level = next;
  }

  const contactScope = await recordScopeWhere(db, actor, "contact", "browse");
  const contacts = contactScope
    ? await db.contact.findMany({
        where: { AND: [contactScope, { companyId }] },
        select: { id: true, fullName: true, title: true, department: true, reportsToId: true },
        orderBy: [{ fullName: "asc" }, { id: "asc" }],
        take: 300,
      })
    : null;
  return { company, ancestors, tree: root, contacts };
}

/** 线索: converted into this company, or naming it (same company key), within the leads scope. */
export async function listCompanyLeads(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const scope = leadScopeWhere(actor);
  if (!scope) return { company, leads: null };
  const key = await db.company.findUnique({ where: { id: companyId }, select: { nameKey: true } });
  const link: Prisma.LeadWhereInput[] = [{ convertedCompanyId: companyId }];
  if (key?.nameKey) link.push({ companyKey: key.nameKey });
  const leads = await db.lead.findMany({
    where: { AND: [scope, { deletedAt: null }, { OR: link }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TAB_LIMIT,
    select: {
      id: true,
      number: true,
      contactName: true,
      status: true,
      createdAt: true,
      convertedCompanyId: true,
      owner: { select: { id: true, name: true } },
    },
  });
  return { company, leads };
}

/** 机会 of the company within the opportunities scope, newest first. */
export async function listCompanyOpportunities(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const scope = opportunityScopeWhere(actor);
  if (!scope) return { company, opportunities: null };
  const rows = await db.opportunity.findMany({
    where: { AND: [scope, { companyId }] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: TAB_LIMIT,
    select: {
      id: true,
      number: true,
      name: true,
      stage: true,
      amount: true,
      probability: true,
      expectedCloseDate: true,
      owner: { select: { id: true, name: true } },
    },
  });
  return { company, opportunities: rows.map((o) => ({ ...o, amount: o.amount.toFixed(2) })) };
}

/** Whether the actor serves this company (service × browse scope); the service tabs need it. */
async function serves(db: DbOrTx, actor: StaffActor, companyId: number): Promise<boolean> {
  const served = servedCompaniesWhere(actor, "browse");
  if (!served) return false;
  return (await db.company.count({ where: { AND: [served, { id: companyId }] } })) > 0;
}

/** 服务请求, 客户资产 and 服务合约 of the company, for the actor who serves it. */
export async function getCompanyService(
  db: DbOrTx,
  actor: StaffActor,
  companyId: number,
  part: "requests" | "assets" | "contracts",
) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  if (!(await serves(db, actor, companyId))) return { company, rows: null };
  if (part === "requests") {
    const rows = await db.serviceRequest.findMany({
      where: { companyId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TAB_LIMIT,
      select: {
        id: true,
        number: true,
        subject: true,
        status: true,
        priority: true,
        createdAt: true,
        assignee: { select: { id: true, name: true } },
      },
    });
    return { company, rows: { kind: "requests" as const, rows } };
  }
  if (part === "assets") {
    const rows = await db.asset.findMany({
      where: { companyId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: TAB_LIMIT,
      select: { id: true, number: true, name: true, model: true, serialNumber: true, status: true, warrantyEnd: true },
    });
    return { company, rows: { kind: "assets" as const, rows } };
  }
  const rows = await db.serviceContract.findMany({
    where: { companyId },
    orderBy: [{ endDate: "desc" }, { id: "desc" }],
    take: TAB_LIMIT,
    select: { id: true, number: true, name: true, type: true, status: true, startDate: true, endDate: true },
  });
  return { company, rows: { kind: "contracts" as const, rows } };
}

/** 用户专区: the company's zone, its staff managers and members, and the portal members linked to it. */
export async function getCompanyPeople(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const [zone, members] = await Promise.all([
    (await serves(db, actor, companyId))
      ? db.zone.findUnique({
          where: { companyId },
          select: {
            id: true,
            name: true,
            managers: { select: { staff: { select: { id: true, name: true } } } },
            memberships: {
              where: { status: { notIn: ["declined", "removed"] } },
              orderBy: { createdAt: "asc" },
              take: TAB_LIMIT,
              select: {
                id: true,
                status: true,
                isCustomerAdmin: true,
                member: { select: { id: true, nickname: true, email: true } },
              },
            },
          },
        })
      : undefined,
    scopeFor(actor, "members", "browse") !== null
      ? db.member.findMany({
          where: { companyId },
          orderBy: [{ nickname: "asc" }, { id: "asc" }],
          take: TAB_LIMIT,
          select: { id: true, nickname: true, email: true, level: true, status: true, realName: true },
        })
      : null,
  ]);
  // undefined: the actor does not serve the company; null: it has no zone.
  return { company, zone, members };
}

/** 活动: notes and tasks on the company (widgets), and its change history from the audit log. */
export async function getCompanyActivity(db: DbOrTx, actor: StaffActor, companyId: number, now = new Date()) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  return { company, ...(await recordActivity(db, { companyId }, { entityType: "company", entityId: companyId }, now)) };
}

/** 附件 of the company (Attachment ownerType "company"). */
export async function listCompanyAttachments(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const attachments = await db.attachment.findMany({
    where: { ownerType: "company", ownerId: companyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TAB_LIMIT,
    select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
  });
  return { company, attachments };
}
