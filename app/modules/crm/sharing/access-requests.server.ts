import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { conflict, forbidden, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, type ScopedEntity } from "#app/modules/crm/access/record-scope.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";

// 申请访问: a colleague who finds (through the duplicate check or the matcher) a record outside their
// scope asks its owner for access. They see only the record's name and owner, never its fields. The
// owner is notified and grants (a RecordShare) or declines; the requester is notified of the answer.

export interface AccessTarget {
  entity: ScopedEntity;
  id: number;
  name: string;
  ownerName: string | null;
  /** The viewer already sees the record (no request needed). */
  visible: boolean;
  pendingRequestId: number | null;
}

async function rawTarget(db: DbOrTx, entity: ScopedEntity, id: number) {
  if (entity === "company") {
    const c = await db.company.findFirst({
      where: { id, deletedAt: null },
      select: { id: true, name: true, ownerId: true, owner: { select: { name: true } } },
    });
    return c && { name: c.name, ownerId: c.ownerId, ownerName: c.owner?.name ?? null };
  }
  const c = await db.contact.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, fullName: true, ownerId: true, owner: { select: { name: true } } },
  });
  return c && { name: c.fullName, ownerId: c.ownerId, ownerName: c.owner?.name ?? null };
}

/** Notifications are written in the recipient's language. */
async function translatorFor(db: DbOrTx, staffId: number) {
  const staff = await db.staff.findUnique({ where: { id: staffId }, select: { locale: true } });
  return createTranslator(isLocale(staff?.locale) ? staff.locale : DEFAULT_LOCALE);
}

async function isVisible(db: DbOrTx, actor: StaffActor, entity: ScopedEntity, id: number): Promise<boolean> {
  const where = await recordScopeWhere(db, actor, entity, "browse");
  if (!where) return false;
  const args = { where: { AND: [where, { id }] } };
  return (entity === "company" ? await db.company.count(args) : await db.contact.count(args)) > 0;
}

/** Name and owner of a record for the request form: nothing else leaves the record. */
export async function accessTarget(
  db: DbOrTx,
  actor: StaffActor,
  entity: ScopedEntity,
  id: number,
): Promise<AccessTarget | null> {
  const target = await rawTarget(db, entity, id);
  if (!target) return null;
  const pending = await db.accessRequest.findFirst({
    where: { entityType: entity, recordId: id, requesterId: actor.staffId, status: "pending" },
    select: { id: true },
  });
  return {
    entity,
    id,
    name: target.name,
    ownerName: target.ownerName,
    visible: await isVisible(db, actor, entity, id),
    pendingRequestId: pending?.id ?? null,
  };
}

export async function requestAccess(
  db: Db,
  actor: StaffActor,
  input: { entity: ScopedEntity; id: number; message?: string | null },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ requestId: number }>> {
  return db.$transaction(async (tx) => {
    const target = await rawTarget(tx, input.entity, input.id);
    if (!target) return notFound();
    if (await isVisible(tx, actor, input.entity, input.id)) return conflict("recordAdmin.access.alreadyVisible");
    if (target.ownerId === null) return conflict("recordAdmin.access.noOwner");
    const pending = await tx.accessRequest.findFirst({
      where: { entityType: input.entity, recordId: input.id, requesterId: actor.staffId, status: "pending" },
    });
    if (pending) return conflict("recordAdmin.access.alreadyPending");
    const request = await tx.accessRequest.create({
      data: {
        entityType: input.entity,
        recordId: input.id,
        requesterId: actor.staffId,
        ownerId: target.ownerId,
        message: input.message?.trim().slice(0, 500) || null,
      },
    });
    const t = await translatorFor(tx, target.ownerId);
    await notifyStaff(tx, {
      staffId: target.ownerId,
      type: "access.requested",
      title: t("recordAdmin.access.notifyRequested", { name: actor.name, record: target.name }),
      body: request.message,
      link: "/crm/access-requests",
    });
    await recordStaffAudit(tx, actor, {
      action: `${input.entity}.access-requested`,
      entityType: input.entity,
      entityId: input.id,
      after: { requestId: request.id },
      ipAddress: meta.ipAddress,
    });
    return ok({ requestId: request.id });
  });
}

export interface AccessRequestRow {
  id: number;
  entity: string;
  recordId: number;
  recordName: string;
  requesterName: string;
  ownerName: string | null;
  message: string | null;
  status: string;
  createdAt: Date;
}

/** Requests waiting for the actor's answer (records they own) and the actor's own requests. */
export async function listAccessRequests(db: DbOrTx, actor: StaffActor) {
  const [incoming, outgoing] = await Promise.all([
    db.accessRequest.findMany({
      where: { ownerId: actor.staffId, status: "pending" },
      include: { requester: { select: { name: true } } },
      orderBy: { id: "desc" },
      take: 200,
    }),
    db.accessRequest.findMany({
      where: { requesterId: actor.staffId },
      include: { requester: { select: { name: true } } },
      orderBy: { id: "desc" },
      take: 50,
    }),
  ]);
  const all = [...incoming, ...outgoing];
  const names = new Map<string, string>();
  for (const entity of ["company", "contact"] as const) {
    const ids = all.filter((r) => r.entityType === entity).map((r) => r.recordId);
    if (ids.length === 0) continue;
    const rows =
      entity === "company"
        ? (await db.company.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
            (c) => [c.id, c.name] as const,
          )
        : (await db.contact.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map(
            (c) => [c.id, c.fullName] as const,
          );
    for (const [id, name] of rows) names.set(`${entity}:${id}`, name);
  }
  const ownerIds = [...new Set(outgoing.map((r) => r.ownerId).filter((id): id is number => id !== null))];
  const owners = new Map(
    (await db.staff.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const row = (r: (typeof all)[number]): AccessRequestRow => ({
    id: r.id,
    entity: r.entityType,
    recordId: r.recordId,
    recordName: names.get(`${r.entityType}:${r.recordId}`) ?? `#${r.recordId}`,
    requesterName: r.requester.name,
    ownerName: r.ownerId === null ? null : (owners.get(r.ownerId) ?? null),
    message: r.message,
    status: r.status,
    createdAt: r.createdAt,
  });
  return { incoming: incoming.map(row), outgoing: outgoing.map(row) };
}

/** The owner (or an admin) grants — a RecordShare for the requester — or declines. */
export async function decideAccessRequest(
  db: Db,
  actor: StaffActor,
  input: { requestId: number; grant: boolean; canEdit?: boolean },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ status: "granted" | "declined" }>> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: number }>>`
      SELECT id FROM \`AccessRequest\` WHERE id = ${input.requestId} FOR UPDATE`;
    if (!locked) return notFound();
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId } });
    if (!request || (request.entityType !== "company" && request.entityType !== "contact")) return notFound();
    if (request.ownerId !== actor.staffId && !actor.isAdmin) return forbidden();
    if (request.status !== "pending") return conflict("recordAdmin.access.alreadyDecided");
    const entity: ScopedEntity = request.entityType;
    const target = await rawTarget(tx, entity, request.recordId);
    if (!target) return notFound();
    const status = input.grant ? "granted" : "declined";
    if (input.grant) {
      const existing = await tx.recordShare.findFirst({
        where: { entityType: entity, recordId: request.recordId, staffId: request.requesterId, teamId: null },
      });
      if (existing) {
        await tx.recordShare.update({
          where: { id: existing.id },
          data: { canEdit: existing.canEdit || Boolean(input.canEdit) },
        });
      } else {
        await tx.recordShare.create({
          data: {
            entityType: entity,
            recordId: request.recordId,
            staffId: request.requesterId,
            canEdit: Boolean(input.canEdit),
            grantedById: actor.staffId,
          },
        });
      }
    }
    await tx.accessRequest.update({
      where: { id: request.id },
      data: { status, decidedById: actor.staffId, decidedAt: new Date() },
    });
    const t = await translatorFor(tx, request.requesterId);
    await notifyStaff(tx, {
      staffId: request.requesterId,
      type: `access.${status}`,
      title: t(input.grant ? "recordAdmin.access.notifyGranted" : "recordAdmin.access.notifyDeclined", {
        record: target.name,
      }),
      link: input.grant
        ? `/crm/${entity === "company" ? "companies" : "contacts"}/${request.recordId}`
        : "/crm/access-requests",
    });
    await recordStaffAudit(tx, actor, {
      action: `${entity}.access-${status}`,
      entityType: entity,
      entityId: request.recordId,
      after: { requestId: request.id, requesterId: request.requesterId, canEdit: Boolean(input.canEdit) },
      ipAddress: meta.ipAddress,
    });
    return ok({ status });
  });
}

export async function pendingAccessRequestCount(db: DbOrTx, actor: StaffActor): Promise<number> {
  return db.accessRequest.count({ where: { ownerId: actor.staffId, status: "pending" } });
}
