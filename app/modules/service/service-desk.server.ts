import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { OPEN_STATUSES } from "./service-constants.ts";
import type { DeskQuery, DeskQueue, DeskSort } from "./service-desk-query.ts";
import {
  modifiableRequestIds,
  requestSummarySelect,
  SERVICE_PAGE_SIZE,
  staffRequestWhere,
} from "./service-queries.server.ts";
import { assignRequests } from "./service-requests.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// 服务台 (/crm/service): the queues of service requests a staff member may see (their `service`
// scope, in every query), filtered, sorted from an allow-list and paged, with the size of each
// queue for its tab; the zones with open work; bulk assignment of the requests they may change.

function queueWhere(queue: DeskQueue, actor: StaffActor, now: Date): Prisma.ServiceRequestWhereInput {
  switch (queue) {
    case "mine":
      return { assigneeId: actor.staffId, status: { in: OPEN_STATUSES } };
    case "unassigned":
      return { assigneeId: null, status: { in: OPEN_STATUSES } };
    case "overdue":
      return { status: { in: OPEN_STATUSES }, firstResponseAt: null, dueAt: { lt: now } };
    case "open":
      return { status: { in: OPEN_STATUSES } };
    case "all":
      return {};
  }
}

function filterWhere(query: DeskQuery): Prisma.ServiceRequestWhereInput[] {
  const and: Prisma.ServiceRequestWhereInput[] = [];
  if (query.zone) and.push({ zoneId: query.zone });
  if (query.status) and.push({ status: query.status });
  if (query.priority) and.push({ priority: query.priority });
  if (query.kind) and.push({ kind: query.kind });
  if (query.q) {
    and.push({
      OR: [
        { number: { contains: query.q } },
        { subject: { contains: query.q } },
        { company: { name: { contains: query.q } } },
        { contact: { fullName: { contains: query.q } } },
      ],
    });
  }
  return and;
}

/** The sort allow-list; every order ends on the id so pages never overlap. */
function orderOf(sort: DeskSort, dir: "asc" | "desc"): Prisma.ServiceRequestOrderByWithRelationInput[] {
  switch (sort) {
    case "due":
      // Requests without a due time (no SLA) come after those with one.
      return [{ dueAt: { sort: dir, nulls: "last" } }, { id: dir }];
    case "created":
      return [{ id: dir }];
    case "priority":
      return [{ priority: dir }, { id: "desc" }];
    case "customer":
      return [{ company: { name: dir } }, { id: "desc" }];
    case "subject":
      return [{ subject: dir }, { id: "desc" }];
  }
}

const rowSelect = {
  ...requestSummarySelect,
  channel: true,
  dueAt: true,
  firstResponseAt: true,
  company: selectIdAndName,
  zone: selectIdAndName,
  contact: { select: { fullName: true } },
  member: { select: { nickname: true } },
  assignee: selectIdAndName,
} satisfies Prisma.ServiceRequestSelect;

export async function listServiceDesk(db: DbOrTx, actor: StaffActor, query: DeskQuery, now: Date = new Date()) {
  const scope = staffRequestWhere(actor);
  const where = { AND: [scope, queueWhere(query.queue, actor, now), ...filterWhere(query)] };
  const queueSize = (queue: DeskQueue) =>
    countCappedBy((take) => db.serviceRequest.count({ where: { AND: [scope, queueWhere(queue, actor, now)] }, take }));
  const [total, mine, unassigned, overdue, open] = await Promise.all([
    countCappedBy((take) => db.serviceRequest.count({ where, take })),
    queueSize("mine"),
    queueSize("unassigned"),
    queueSize("overdue"),
    queueSize("open"),
  ]);
  const { page, pageCount, ...window } = pageWindow(total.count, query.page, SERVICE_PAGE_SIZE);
  const rows = await db.serviceRequest.findMany({
    where,
    orderBy: orderOf(query.sort, query.dir),
    ...window,
    select: rowSelect,
  });
  return { rows, total, page, pageCount, counts: { mine, unassigned, overdue, open } };
}

export type DeskRow = Awaited<ReturnType<typeof listServiceDesk>>["rows"][number];

/** Zones with open requests in the actor's scope, busiest first, for the "by zone" chips. */
export async function deskZoneCounts(db: DbOrTx, actor: StaffActor) {
  const grouped = await db.serviceRequest.groupBy({
    by: ["zoneId"],
    where: { AND: [staffRequestWhere(actor), { status: { in: OPEN_STATUSES }, zoneId: { not: null } }] },
    _count: { _all: true },
  });
  const ids = grouped.flatMap((g) => (g.zoneId === null ? [] : [g.zoneId]));
  const zones = await db.zone.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = new Map(zones.map((z) => [z.id, z.name]));
  return grouped
    .flatMap((g) =>
      g.zoneId === null ? [] : [{ zoneId: g.zoneId, name: name.get(g.zoneId) ?? "", open: g._count._all }],
    )
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, "zh-CN"));
}

/** Bulk assign from the desk: only the requests the actor may change are reassigned. */
export async function assignFromDesk(db: Db, actor: StaffActor, ids: readonly number[], assigneeId: number) {
  const allowed = await modifiableRequestIds(db, actor, ids);
  return assignRequests(db, { id: actor.staffId, name: actor.name }, allowed, assigneeId);
}
