import type { Attachment, Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { listAttachments, type AttachmentSummary } from "#app/modules/files/attachments.server.ts";
import { serviceCompanyWhere } from "#app/modules/zones/service-scope.server.ts";
import { canReopen } from "./service-requests.server.ts";
import { selectIdAndName, selectName } from "#app/lib/prisma-selects.ts";

// Reads for both surfaces. The portal side has ONE visibility rule (portalRequestWhere) and selects
// replies with `internal: false` in every query; the staff side applies the `service` permission scope.

export const SERVICE_PAGE_SIZE = 20;

/** A service request as a row of a list shows it (the staff desk and the zone's list). */
export const requestSummarySelect = {
  id: true,
  number: true,
  kind: true,
  subject: true,
  status: true,
  priority: true,
  createdAt: true,
  publishedAt: true,
} satisfies Prisma.ServiceRequestSelect;

// ─────────────────────────────── portal ───────────────────────────────

export interface ZoneViewer {
  member: { id: number };
  zone: { id: number; companyId: number };
}

/**
 * What a zone member may read: requests of their own zone (and company) that they submitted, or that
 * customer service published to the zone.
 */
export function portalRequestWhere(viewer: ZoneViewer): Prisma.ServiceRequestWhereInput {
  return {
    zoneId: viewer.zone.id,
    companyId: viewer.zone.companyId,
    OR: [{ memberId: viewer.member.id }, { publishedAt: { not: null } }],
  };
}

export type PortalTab = "mine" | "published";

export async function listPortalRequests(db: DbOrTx, viewer: ZoneViewer, options: { tab: PortalTab; page: number }) {
  const where: Prisma.ServiceRequestWhereInput =
    options.tab === "mine"
      ? { zoneId: viewer.zone.id, companyId: viewer.zone.companyId, memberId: viewer.member.id }
      : { zoneId: viewer.zone.id, companyId: viewer.zone.companyId, publishedAt: { not: null } };
  const page = Math.max(1, options.page);
  const [total, rows, mineCount, publishedCount] = await Promise.all([
    db.serviceRequest.count({ where }),
    db.serviceRequest.findMany({
      where,
      orderBy: options.tab === "mine" ? { id: "desc" } : [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SERVICE_PAGE_SIZE,
      take: SERVICE_PAGE_SIZE,
      select: {
        ...requestSummarySelect,
        updatedAt: true,
        memberId: true,
        member: { select: { nickname: true } },
        asset: selectName,
        _count: { select: { replies: { where: { internal: false } } } },
      },
    }),
    db.serviceRequest.count({
      where: { zoneId: viewer.zone.id, companyId: viewer.zone.companyId, memberId: viewer.member.id },
    }),
    db.serviceRequest.count({
      where: { zoneId: viewer.zone.id, companyId: viewer.zone.companyId, publishedAt: { not: null } },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SERVICE_PAGE_SIZE)),
    counts: { mine: mineCount, published: publishedCount },
    rows: rows.map(({ _count, member, ...r }) => ({
      ...r,
      requesterNickname: member?.nickname ?? null,
      replyCount: _count.replies,
      mine: r.memberId === viewer.member.id,
    })),
  };
}

/** One request as a zone member sees it, or null (not theirs / not published / other zone). */
export async function getPortalRequest(db: DbOrTx, viewer: ZoneViewer, requestId: number, now: Date = new Date()) {
  if (!Number.isInteger(requestId) || requestId <= 0) return null;
  const request = await db.serviceRequest.findFirst({
    where: { id: requestId, ...portalRequestWhere(viewer) },
    select: {
      id: true,
      number: true,
      kind: true,
      subject: true,
      descriptionHtml: true,
      status: true,
      priority: true,
      channel: true,
      createdAt: true,
      // The customer sees when to expect our first answer (#14 item 11), not our internal targets.
      dueAt: true,
      firstResponseAt: true,
      resolvedAt: true,
      closedAt: true,
      publishedAt: true,
      solutionHtml: true,
      rating: true,
      ratingComment: true,
      ratedAt: true,
      memberId: true,
      member: { select: { nickname: true } },
      asset: { select: { id: true, name: true, number: true, serialNumber: true } },
      assignee: selectName,
      replies: {
        // Internal notes never leave the back office.
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          authorType: true,
          bodyHtml: true,
          createdAt: true,
          authorStaffId: true,
          authorMemberId: true,
        },
      },
    },
  });
  if (!request) return null;
  const staffIds = [...new Set(request.replies.map((r) => r.authorStaffId).filter((v): v is number => v !== null))];
  const memberIds = [...new Set(request.replies.map((r) => r.authorMemberId).filter((v): v is number => v !== null))];
  const [staff, members, requestFiles, replyFiles] = await Promise.all([
    db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }),
    db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, nickname: true } }),
    listAttachments(db, "service_request", [request.id]),
    listAttachments(
      db,
      "service_reply",
      request.replies.map((r) => r.id),
    ),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const memberName = new Map(members.map((m) => [m.id, m.nickname]));
  const mine = request.memberId === viewer.member.id;
  return {
    ...request,
    requesterNickname: request.member?.nickname ?? null,
    assigneeName: request.assignee?.name ?? null,
    mine,
    attachments: requestFiles,
    replies: request.replies.map((r) => ({
      id: r.id,
      authorType: r.authorType as "staff" | "member",
      authorName:
        r.authorType === "staff"
          ? (staffName.get(r.authorStaffId ?? 0) ?? "")
          : (memberName.get(r.authorMemberId ?? 0) ?? ""),
      bodyHtml: r.bodyHtml,
      createdAt: r.createdAt,
      attachments: replyFiles.filter((f) => f.ownerId === r.id),
    })),
    canReply: mine && request.status !== "resolved" && request.status !== "closed",
    canRate: mine && (request.status === "resolved" || request.status === "closed") && request.rating === null,
    canReopen: mine && canReopen(request, now),
  };
}

/** May this zone member download the attachment? Same zone, own or published request, never internal. */
export async function memberMayReadAttachment(
  db: DbOrTx,
  viewer: ZoneViewer,
  attachment: Attachment,
): Promise<boolean> {
  if (attachment.ownerType === "service_request") {
    return (await db.serviceRequest.count({ where: { id: attachment.ownerId, ...portalRequestWhere(viewer) } })) > 0;
  }
  if (attachment.ownerType === "service_reply") {
    const reply = await db.serviceReply.findFirst({
      where: { id: attachment.ownerId, internal: false, request: portalRequestWhere(viewer) },
      select: { id: true },
    });
    return reply !== null;
  }
  return false;
}

/** Assets of the zone's company for the new-request form. */
export function zoneAssetOptions(db: DbOrTx, companyId: number) {
  return db.asset.findMany({
    where: { companyId, status: { not: "retired" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, number: true, serialNumber: true, model: true },
    take: 500,
  });
}

// ─────────────────────────────── back office ───────────────────────────────

/**
 * The requests a staff member may see with the `service` permission: all; or (team) customers a
 * teammate serves and requests assigned to a teammate; or (own) customers they serve and requests
 * assigned to them.
 */
export function staffRequestWhere(
  actor: StaffActor,
  action: Extract<Action, "browse" | "modify"> = "browse",
): Prisma.ServiceRequestWhereInput {
  const scope = scopeFor(actor, "service", action);
  if (scope === null) return { id: -1 };
  if (scope === "all") return {};
  const companies = serviceCompanyWhere(scope, actor);
  const assigned: Prisma.ServiceRequestWhereInput =
    scope === "team" && actor.teamId !== null
      ? { assignee: { teamId: { in: teamScopeIds(actor) } } }
      : { assigneeId: actor.staffId };
  return { OR: [{ company: companies }, assigned] };
}

/** Which of these request ids the actor may change (service × modify scope), for a bulk action. */
export async function modifiableRequestIds(db: DbOrTx, actor: StaffActor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.serviceRequest.findMany({
    where: { AND: [{ id: { in: [...ids] } }, staffRequestWhere(actor, "modify")] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Active staff who can be assigned service requests (holders of a `service` modify grant or admins). */
export function serviceAssignees(db: DbOrTx) {
  return db.staff.findMany({
    where: {
      status: { not: "inactive" },
      roles: {
        some: { role: { OR: [{ isAdmin: true }, { permissions: { some: { module: "service", action: "modify" } } }] } },
      },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, status: true },
  });
}

export async function getStaffRequest(db: DbOrTx, actor: StaffActor, requestId: number) {
  if (!Number.isInteger(requestId) || requestId <= 0) return null;
  const request = await db.serviceRequest.findFirst({
    where: { AND: [{ id: requestId }, staffRequestWhere(actor)] },
    include: {
      company: {
        select: { id: true, number: true, name: true, phone: true, province: true, city: true, address: true },
      },
      zone: selectIdAndName,
      contact: { select: { id: true, fullName: true, title: true, phone: true, mobile: true, email: true } },
      member: { select: { id: true, nickname: true, email: true } },
      asset: { select: { id: true, number: true, name: true, model: true, serialNumber: true, warrantyEnd: true } },
      contract: {
        select: { id: true, number: true, name: true, responseMode: true, responseTime: true, endDate: true },
      },
      assignee: selectIdAndName,
      replies: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!request) return null;
  const staffIds = new Set<number>();
  const memberIds = new Set<number>();
  for (const r of request.replies) {
    if (r.authorStaffId) staffIds.add(r.authorStaffId);
    if (r.authorMemberId) memberIds.add(r.authorMemberId);
  }
  for (const e of request.events) {
    if (e.actorId === null) continue;
    if (e.actorType === "staff") staffIds.add(e.actorId);
    if (e.actorType === "member") memberIds.add(e.actorId);
  }
  const [staff, members, requestFiles, replyFiles, assets, contracts, history] = await Promise.all([
    db.staff.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true } }),
    db.member.findMany({ where: { id: { in: [...memberIds] } }, select: { id: true, nickname: true } }),
    listAttachments(db, "service_request", [request.id]),
    listAttachments(
      db,
      "service_reply",
      request.replies.map((r) => r.id),
    ),
    db.asset.findMany({
      where: { companyId: request.companyId },
      orderBy: { id: "asc" },
      take: 20,
      select: { id: true, number: true, name: true, model: true, serialNumber: true, status: true, warrantyEnd: true },
    }),
    db.serviceContract.findMany({
      where: { companyId: request.companyId },
      orderBy: [{ endDate: "desc" }],
      take: 10,
      select: {
        id: true,
        number: true,
        name: true,
        status: true,
        responseMode: true,
        responseTime: true,
        endDate: true,
      },
    }),
    db.serviceRequest.findMany({
      where: { companyId: request.companyId, NOT: { id: request.id } },
      orderBy: { id: "desc" },
      take: 10,
      select: { id: true, number: true, subject: true, status: true, createdAt: true, rating: true },
    }),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const memberName = new Map(members.map((m) => [m.id, m.nickname]));
  const actorName = (type: string, id: number | null): string | null =>
    id === null
      ? null
      : type === "staff"
        ? (staffName.get(id) ?? null)
        : type === "member"
          ? (memberName.get(id) ?? null)
          : null;
  return {
    ...request,
    attachments: requestFiles,
    replies: request.replies.map((r) => ({
      ...r,
      authorName:
        r.authorType === "staff" ? actorName("staff", r.authorStaffId) : actorName("member", r.authorMemberId),
      attachments: replyFiles.filter((f) => f.ownerId === r.id) as AttachmentSummary[],
    })),
    events: request.events.map((e) => ({ ...e, id: String(e.id), actorName: actorName(e.actorType, e.actorId) })),
    customer: { assets, contracts, history },
  };
}

/** May this staff member download the service attachment? Its request must be in their scope. */
export async function staffMayReadServiceAttachment(
  db: DbOrTx,
  actor: StaffActor,
  attachment: Attachment,
): Promise<boolean> {
  let requestId: number | null = null;
  if (attachment.ownerType === "service_request") requestId = attachment.ownerId;
  else if (attachment.ownerType === "service_reply") {
    requestId =
      (await db.serviceReply.findUnique({ where: { id: attachment.ownerId }, select: { requestId: true } }))
        ?.requestId ?? null;
  } else return false;
  if (requestId === null) return false;
  return (await db.serviceRequest.count({ where: { AND: [{ id: requestId }, staffRequestWhere(actor)] } })) > 0;
}

/** Company search and the chosen company's contacts and assets, for the phone-entry form. */
export async function phoneEntryOptions(db: DbOrTx, input: { q?: string | null; companyId?: number | null }) {
  const q = input.q?.trim() ?? "";
  const companies = q
    ? await db.company.findMany({
        where: {
          OR: [
            { name: { contains: q } },
            { number: { contains: q } },
            { phone: { contains: q } },
            {
              contacts: {
                some: { OR: [{ fullName: { contains: q } }, { phone: { contains: q } }, { mobile: { contains: q } }] },
              },
            },
          ],
        },
        orderBy: [{ zone: { id: "desc" } }, { name: "asc" }],
        take: 15,
        select: { id: true, name: true, number: true, city: true, zone: { select: { id: true } } },
      })
    : [];
  const company = input.companyId
    ? await db.company.findUnique({
        where: { id: input.companyId },
        select: {
          id: true,
          name: true,
          number: true,
          zone: selectIdAndName,
          contacts: {
            orderBy: { fullName: "asc" },
            take: 200,
            select: { id: true, fullName: true, title: true, phone: true, mobile: true },
          },
        },
      })
    : null;
  const assets = company ? await zoneAssetOptions(db, company.id) : [];
  return { q, companies, company, assets };
}
