import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  Prisma,
  type ServicePriority,
  type ServiceRequestKind,
  type ServiceRequestStatus,
} from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { recordRequestEvent } from "./service-request-events.server.ts";
import { env } from "#app/lib/env.server.ts";
import { isRichTextEmpty, normaliseRichTextInput, richTextToPlain } from "#app/lib/rich-text.server.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { attachStored, discardStored, type StoredFile } from "#app/modules/files/attachments.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { loadBusinessCalendar } from "#app/modules/settings/business-calendar.server.ts";
import { findCoveringContract } from "./service-contracts.server.ts";
import { routeServiceRequest, type ServiceRoutedBy } from "./service-routing.server.ts";
import { computeDueAt, computeResolutionDueAt, pauseFields } from "./service-sla.ts";
import {
  REOPEN_WINDOW_DAYS as REOPEN_WINDOW_DAYS_LOCAL,
  SERVICE_KINDS,
  SERVICE_PRIORITIES,
  STAFF_TRANSITIONS,
} from "./service-constants.ts";

export {
  OPEN_STATUSES,
  REOPEN_WINDOW_DAYS,
  SERVICE_KINDS,
  SERVICE_PRIORITIES,
  SERVICE_STATUSES,
  STAFF_TRANSITIONS,
} from "./service-constants.ts";

// 服务请求 (seed 000 §2.K, issue #7): created in a customer zone by a confirmed member or by staff from
// a phone call; routed (service-routing), given a first-response due time from the covering contract
// (service-sla), then moved through new → accepted → in_progress → waiting_customer → resolved → closed.
// Every change writes a ServiceRequestEvent with its actor. Replies live in service-replies.server.ts.

const DAY_MS = 24 * 60 * 60 * 1000;

export type ServiceActor = { type: "staff"; id: number; name: string } | { type: "member"; id: number; name: string };

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string[]> };

export const TX_OPTIONS = {
  isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
  maxWait: 10_000,
  timeout: 20_000,
};

function fail(field: string, key: string): { ok: false; errors: Record<string, string[]> } {
  return { ok: false, errors: { [field]: [key] } };
}

export function requestPath(id: number, surface: "crm" | "zone"): string {
  return surface === "crm" ? `/crm/service/${id}` : `/zone/requests/${id}`;
}

function absolute(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

// ─────────────────────────────── input ───────────────────────────────

const optionalId = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

const description = z
  .string()
  .max(200_000, "service.error.descriptionTooLong")
  .transform((v) => normaliseRichTextInput(v))
  .refine((v) => !isRichTextEmpty(v), "service.error.descriptionRequired");

export const ZoneRequestInputSchema = z.object({
  kind: z.enum(SERVICE_KINDS, "service.error.kind"),
  subject: z.string().trim().min(1, "service.error.subjectRequired").max(200, "service.error.subjectTooLong"),
  description,
  assetId: optionalId,
  priority: z.enum(SERVICE_PRIORITIES, "service.error.priority").default("normal"),
});
export type ZoneRequestInput = z.input<typeof ZoneRequestInputSchema>;

export const StaffRequestInputSchema = ZoneRequestInputSchema.extend({
  companyId: z.coerce
    .number({ message: "service.error.companyRequired" })
    .int()
    .positive("service.error.companyRequired"),
  contactId: optionalId,
  /** Empty → route automatically (zone token group / zone CSR). */
  assigneeId: optionalId,
  channel: z.enum(["phone", "email", "staff"]).default("phone"),
});
export type StaffRequestInput = z.input<typeof StaffRequestInputSchema>;

export function zodErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// ─────────────────────────────── create ───────────────────────────────

interface InsertArgs {
  companyId: number;
  zone: { id: number; serviceTokenGroupId: number | null } | null;
  contactId: number | null;
  memberId: number | null;
  assetId: number | null;
  kind: ServiceRequestKind;
  subject: string;
  descriptionHtml: string;
  channel: "zone" | "phone" | "email" | "staff";
  priority: ServicePriority;
  createdByStaffId: number | null;
  assigneeOverride: number | null;
  actor: ServiceActor;
  requesterName: string | null;
}

export interface CreatedRequest {
  id: number;
  number: string;
  assigneeId: number | null;
  routedBy: ServiceRoutedBy | "manual";
  dueAt: Date;
  contractId: number | null;
}

async function insertRequest(db: Db, args: InsertArgs, stored: StoredFile[]): Promise<CreatedRequest> {
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      const contract = await findCoveringContract(tx, { companyId: args.companyId, assetId: args.assetId, at: now });
      // Due times follow the company's business calendar (hours, holidays, 调休 days of 本公司).
      const calendar = await loadBusinessCalendar(tx);
      const sla = computeDueAt({
        receivedAt: now,
        responseMode: contract?.responseMode,
        responseTime: contract?.responseTime,
        calendar,
      });
      let assignee: { id: number; name: string; email: string; locale: string } | null;
      let routedBy: ServiceRoutedBy | "manual";
      let tokenGroupId: number | null = null;
      if (args.assigneeOverride !== null) {
        assignee = await tx.staff.findFirst({
          where: { id: args.assigneeOverride, status: { not: "inactive" } },
          select: { id: true, name: true, email: true, locale: true },
        });
        routedBy = "manual";
      } else {
        const decision = await routeServiceRequest(tx, args.zone);
        assignee = decision.assignee;
        routedBy = decision.routedBy;
        tokenGroupId = decision.tokenGroupId;
      }
      const row = await tx.serviceRequest.create({
        data: {
          number: `~${randomBytes(9).toString("hex")}`,
          zoneId: args.zone?.id ?? null,
          companyId: args.companyId,
          contactId: args.contactId,
          memberId: args.memberId,
          assetId: args.assetId,
          contractId: contract?.id ?? null,
          kind: args.kind,
          subject: args.subject,
          descriptionHtml: args.descriptionHtml,
          channel: args.channel,
          priority: args.priority,
          assigneeId: assignee?.id ?? null,
          dueAt: sla.dueAt,
          resolutionDueAt: computeResolutionDueAt({
            receivedAt: now,
            responseMode: contract?.responseMode,
            responseTime: contract?.responseTime,
            calendar,
          }),
          createdByStaffId: args.createdByStaffId,
          createdAt: now,
        },
        select: { id: true },
      });
      const number = await nextRecordNumber(tx, "serviceRequest");
      await tx.$executeRaw`UPDATE \`ServiceRequest\` SET \`number\` = ${number} WHERE \`id\` = ${row.id}`;
      await recordRequestEvent(
        tx,
        row.id,
        { type: args.actor.type, id: args.actor.id },
        "created",
        {
          channel: args.channel,
          routedBy,
          tokenGroupId,
          assigneeId: assignee?.id ?? null,
          contractId: contract?.id ?? null,
          responseMode: sla.responseMode,
          responseTime: sla.responseTime,
          slaSource: sla.source,
          dueAt: sla.dueAt.toISOString(),
        },
        now,
      );
      await attachStored(
        tx,
        stored,
        { type: "service_request", id: row.id },
        args.actor.type === "staff" ? { staffId: args.actor.id } : { memberId: args.actor.id },
      );
      const company = await tx.company.findUniqueOrThrow({ where: { id: args.companyId }, select: { name: true } });
      if (assignee && !(args.actor.type === "staff" && args.actor.id === assignee.id)) {
        const link = requestPath(row.id, "crm");
        await notifyStaff(tx, {
          staffId: assignee.id,
          type: "service-request",
          title: `${number} ${args.subject}`,
          body: company.name,
          link,
        });
        const asset = args.assetId
          ? await tx.asset.findUnique({ where: { id: args.assetId }, select: { name: true } })
          : null;
        await sendEmail(tx, {
          to: assignee.email,
          locale: assignee.locale === "en" ? "en" : "zh-CN",
          template: "service-request-new",
          idempotencyKey: `service-request-new/${row.id}`,
          props: {
            staffName: assignee.name,
            requestNumber: number,
            subject: args.subject,
            kind: args.kind,
            companyName: company.name,
            requesterName: args.requesterName ?? undefined,
            assetName: asset?.name,
            excerpt: richTextToPlain(args.descriptionHtml).slice(0, 600),
            dueAt: sla.dueAt,
            channel: args.channel,
            requestUrl: absolute(link),
          },
        });
      }
      await recordAudit(tx, {
        actor: { type: args.actor.type, id: args.actor.id },
        action: "service-request.create",
        entityType: "ServiceRequest",
        entityId: row.id,
        after: { number, companyId: args.companyId, assigneeId: assignee?.id ?? null, routedBy },
      });
      return {
        id: row.id,
        number,
        assigneeId: assignee?.id ?? null,
        routedBy,
        dueAt: sla.dueAt,
        contractId: contract?.id ?? null,
      };
    }, TX_OPTIONS);
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
}

/** A zone member's request. The asset must belong to the zone's company. */
async function createZoneRequestInner(
  db: Db,
  ctx: { member: { id: number; nickname: string }; zone: { id: number; companyId: number } },
  input: unknown,
  stored: StoredFile[] = [],
): Promise<ServiceResult<CreatedRequest>> {
  const parsed = ZoneRequestInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const v = parsed.data;
  if (v.assetId) {
    const asset = await db.asset.findFirst({
      where: { id: v.assetId, companyId: ctx.zone.companyId },
      select: { id: true },
    });
    if (!asset) return fail("assetId", "service.error.assetNotFound");
  }
  const zone = await db.zone.findUniqueOrThrow({
    where: { id: ctx.zone.id },
    select: { id: true, serviceTokenGroupId: true },
  });
  const member = await db.member.findUniqueOrThrow({ where: { id: ctx.member.id }, select: { contactId: true } });
  const contactId = member.contactId
    ? ((
        await db.contact.findFirst({
          where: { id: member.contactId, companyId: ctx.zone.companyId },
          select: { id: true },
        })
      )?.id ?? null)
    : null;
  const created = await insertRequest(
    db,
    {
      companyId: ctx.zone.companyId,
      zone,
      contactId,
      memberId: ctx.member.id,
      assetId: v.assetId ?? null,
      kind: v.kind,
      subject: v.subject,
      descriptionHtml: v.description,
      channel: "zone",
      priority: v.priority,
      createdByStaffId: null,
      assigneeOverride: null,
      actor: { type: "member", id: ctx.member.id, name: ctx.member.nickname },
      requesterName: ctx.member.nickname,
    },
    stored,
  );
  return { ok: true, value: created };
}

/** Staff entry from a phone call (or e-mail). Contact and asset must belong to the chosen company. */
async function createStaffRequestInner(
  db: Db,
  staff: { id: number; name: string },
  input: unknown,
  stored: StoredFile[] = [],
): Promise<ServiceResult<CreatedRequest>> {
  const parsed = StaffRequestInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const v = parsed.data;
  const company = await db.company.findUnique({
    where: { id: v.companyId },
    select: { id: true, zone: { select: { id: true, serviceTokenGroupId: true } } },
  });
  if (!company) return fail("companyId", "service.error.companyNotFound");
  let requesterName: string | null = null;
  let memberId: number | null = null;
  if (v.contactId) {
    const contact = await db.contact.findFirst({
      where: { id: v.contactId, companyId: company.id },
      select: { id: true, fullName: true, member: { select: { id: true } } },
    });
    if (!contact) return fail("contactId", "service.error.contactNotFound");
    requesterName = contact.fullName;
    memberId = contact.member?.id ?? null;
  }
  if (v.assetId) {
    const asset = await db.asset.findFirst({ where: { id: v.assetId, companyId: company.id }, select: { id: true } });
    if (!asset) return fail("assetId", "service.error.assetNotFound");
  }
  if (v.assigneeId) {
    const assignee = await db.staff.findFirst({
      where: { id: v.assigneeId, status: { not: "inactive" } },
      select: { id: true },
    });
    if (!assignee) return fail("assigneeId", "service.error.assigneeNotFound");
  }
  const created = await insertRequest(
    db,
    {
      companyId: company.id,
      zone: company.zone,
      contactId: v.contactId ?? null,
      memberId,
      assetId: v.assetId ?? null,
      kind: v.kind,
      subject: v.subject,
      descriptionHtml: v.description,
      channel: v.channel,
      priority: v.priority,
      createdByStaffId: staff.id,
      assigneeOverride: v.assigneeId ?? null,
      actor: { type: "staff", id: staff.id, name: staff.name },
      requesterName,
    },
    stored,
  );
  return { ok: true, value: created };
}

/** Files stored for a request that was refused are removed again. */
function discardOnFailure<A extends unknown[]>(
  inner: (...args: A) => Promise<ServiceResult<CreatedRequest>>,
  storedIndex: number,
) {
  return async (...args: A): Promise<ServiceResult<CreatedRequest>> => {
    const result = await inner(...args);
    if (!result.ok) await discardStored((args[storedIndex] as StoredFile[] | undefined) ?? []);
    return result;
  };
}

/** A zone member's request. The asset must belong to the zone's company. */
export const createZoneRequest: (
  db: Db,
  ctx: { member: { id: number; nickname: string }; zone: { id: number; companyId: number } },
  input: unknown,
  stored?: StoredFile[],
) => Promise<ServiceResult<CreatedRequest>> = discardOnFailure(createZoneRequestInner, 3);

/** Staff entry from a phone call (or e-mail). Contact and asset must belong to the chosen company. */
export const createStaffRequest: (
  db: Db,
  staff: { id: number; name: string },
  input: unknown,
  stored?: StoredFile[],
) => Promise<ServiceResult<CreatedRequest>> = discardOnFailure(createStaffRequestInner, 3);

// ─────────────────────────────── status ───────────────────────────────

/** What the mails about a request need, and what replying needs to know about it. */
export const REQUEST_FOR_MAIL = {
  id: true,
  number: true,
  subject: true,
  status: true,
  memberId: true,
  assigneeId: true,
  firstResponseAt: true,
  pausedAt: true,
  member: { select: { id: true, email: true, nickname: true } },
  assignee: { select: { id: true, name: true, email: true, locale: true } },
} as const;

type MailRequest = Prisma.ServiceRequestGetPayload<{ select: typeof REQUEST_FOR_MAIL }>;

/** What one reply/status mail says, whoever receives it. */
export interface RequestMailNews {
  event: "reply" | "status";
  authorName: string;
  excerpt: string;
  status: ServiceRequestStatus;
}

/** The service-request-reply mail to one recipient, the member (to-member) or the assigned CSR (to-staff). */
async function sendRequestMail(
  tx: DbOrTx,
  request: MailRequest,
  recipient: { email: string; name: string; locale: "zh-CN" | "en"; direction: "to-member" | "to-staff" },
  link: string,
  news: RequestMailNews,
): Promise<void> {
  await sendEmail(tx, {
    to: recipient.email,
    locale: recipient.locale,
    template: "service-request-reply",
    props: {
      recipientName: recipient.name,
      direction: recipient.direction,
      event: news.event,
      requestNumber: request.number,
      subject: request.subject,
      authorName: news.authorName,
      excerpt: news.excerpt.slice(0, 600),
      status: news.status,
      requestUrl: absolute(link),
    },
  });
}

/** Mail to the requesting member about our reply or a status change (never for internal notes). */
export async function mailMember(tx: DbOrTx, request: MailRequest, news: RequestMailNews): Promise<void> {
  if (!request.member) return;
  const { email, nickname } = request.member;
  await sendRequestMail(
    tx,
    request,
    { email, name: nickname, locale: "zh-CN", direction: "to-member" },
    requestPath(request.id, "zone"),
    news,
  );
}

/** Mail and bell to the assigned CSR about the member's reply or reopening. */
export async function mailAssignee(tx: DbOrTx, request: MailRequest, news: RequestMailNews): Promise<void> {
  if (!request.assignee) return;
  const { id, email, name, locale } = request.assignee;
  const link = requestPath(request.id, "crm");
  await notifyStaff(tx, {
    staffId: id,
    type: news.event === "reply" ? "service-reply" : "service-status",
    title: `${request.number} ${request.subject}`,
    body: news.excerpt.slice(0, 200) || news.authorName,
    link,
  });
  await sendRequestMail(
    tx,
    request,
    { email, name, locale: locale === "en" ? "en" : "zh-CN", direction: "to-staff" },
    link,
    news,
  );
}

async function lockRequest(tx: Tx, id: number): Promise<void> {
  await tx.$queryRaw`SELECT \`id\` FROM \`ServiceRequest\` WHERE \`id\` = ${id} FOR UPDATE`;
}

/** Staff status change along STAFF_TRANSITIONS; accepting/starting counts as the first response. */
export async function changeStatus(
  db: Db,
  staff: { id: number; name: string },
  requestId: number,
  to: ServiceRequestStatus,
): Promise<ServiceResult<{ from: ServiceRequestStatus; to: ServiceRequestStatus }>> {
  return db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: REQUEST_FOR_MAIL });
    if (!request) return fail("status", "service.error.notFound");
    const from = request.status;
    if (!STAFF_TRANSITIONS[from].includes(to)) return fail("status", "service.error.transition");
    const now = new Date();
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: {
        status: to,
        ...pauseFields(request, to, now),
        ...(to === "resolved" ? { resolvedAt: now } : {}),
        ...(to === "closed" ? { closedAt: now } : {}),
        ...(to === "in_progress" && (from === "resolved" || from === "closed")
          ? { resolvedAt: null, closedAt: null, reopenCount: { increment: 1 } }
          : {}),
        ...(!request.firstResponseAt && to !== "new" ? { firstResponseAt: now } : {}),
      },
    });
    await recordRequestEvent(tx, requestId, { type: "staff", id: staff.id }, "status", { from, to });
    await mailMember(tx, request, { event: "status", authorName: staff.name, excerpt: "", status: to });
    await recordAudit(tx, {
      actor: { type: "staff", id: staff.id },
      action: "service-request.status",
      entityType: "ServiceRequest",
      entityId: requestId,
      before: { status: from },
      after: { status: to },
    });
    return { ok: true as const, value: { from, to } };
  }, TX_OPTIONS);
}

/** Assigns one or many requests to a CSR (bulk assign in the desk). Returns how many changed. */
export async function assignRequests(
  db: Db,
  staff: { id: number; name: string },
  requestIds: number[],
  assigneeId: number,
): Promise<ServiceResult<{ changed: number }>> {
  const ids = [...new Set(requestIds)].filter((id) => Number.isInteger(id) && id > 0).slice(0, 200);
  if (ids.length === 0) return fail("ids", "service.error.noneSelected");
  const assignee = await db.staff.findFirst({
    where: { id: assigneeId, status: { not: "inactive" } },
    select: { id: true, name: true },
  });
  if (!assignee) return fail("assigneeId", "service.error.assigneeNotFound");
  return db.$transaction(async (tx) => {
    const rows = await tx.serviceRequest.findMany({
      // NOT (assigneeId = x) would also drop the unassigned (NULL) rows.
      where: { id: { in: ids }, OR: [{ assigneeId: null }, { assigneeId: { not: assignee.id } }] },
      select: { id: true, number: true, subject: true, assigneeId: true },
      orderBy: { id: "asc" },
    });
    for (const row of rows) {
      await tx.serviceRequest.update({ where: { id: row.id }, data: { assigneeId: assignee.id } });
      await recordRequestEvent(tx, row.id, { type: "staff", id: staff.id }, "assigned", {
        from: row.assigneeId,
        to: assignee.id,
      });
    }
    if (rows.length > 0 && assignee.id !== staff.id) {
      await notifyStaff(tx, {
        staffId: assignee.id,
        type: "service-assigned",
        title: rows.length === 1 ? `${rows[0]!.number} ${rows[0]!.subject}` : `${rows.length} × ${rows[0]!.number} …`,
        body: staff.name,
        link: rows.length === 1 ? requestPath(rows[0]!.id, "crm") : "/crm/service?queue=mine",
      });
    }
    await recordAudit(tx, {
      actor: { type: "staff", id: staff.id },
      action: "service-request.assign",
      entityType: "ServiceRequest",
      entityId:
        rows
          .map((r) => r.id)
          .join(",")
          .slice(0, 60) || null,
      after: { assigneeId: assignee.id, ids: rows.map((r) => r.id) },
    });
    return { ok: true as const, value: { changed: rows.length } };
  }, TX_OPTIONS);
}

export async function setPriority(
  db: Db,
  staff: { id: number },
  requestId: number,
  priority: ServicePriority,
): Promise<ServiceResult<null>> {
  if (!SERVICE_PRIORITIES.includes(priority)) return fail("priority", "service.error.priority");
  return db.$transaction(async (tx) => {
    const row = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: { priority: true } });
    if (!row) return fail("priority", "service.error.notFound");
    if (row.priority === priority) return { ok: true as const, value: null };
    await tx.serviceRequest.update({ where: { id: requestId }, data: { priority } });
    await recordRequestEvent(tx, requestId, { type: "staff", id: staff.id }, "priority", {
      from: row.priority,
      to: priority,
    });
    return { ok: true as const, value: null };
  });
}

// ─────────────────────────────── publish ───────────────────────────────

/**
 * Publishes the request and its solution to the zone: every active member of the zone may then read
 * the request, its public replies and its solution (never the internal notes).
 */
export async function publishRequest(
  db: Db,
  staff: { id: number },
  requestId: number,
  solution: string,
): Promise<ServiceResult<null>> {
  const solutionHtml = normaliseRichTextInput(solution ?? "");
  if (isRichTextEmpty(solutionHtml)) return fail("solution", "service.error.solutionRequired");
  return db.$transaction(async (tx) => {
    const row = await tx.serviceRequest.findUnique({
      where: { id: requestId },
      select: { zoneId: true, publishedAt: true },
    });
    if (!row) return fail("solution", "service.error.notFound");
    if (row.zoneId === null) return fail("solution", "service.error.noZone");
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { solutionHtml, publishedAt: row.publishedAt ?? new Date() },
    });
    await recordRequestEvent(
      tx,
      requestId,
      { type: "staff", id: staff.id },
      row.publishedAt ? "solution-updated" : "published",
    );
    await recordAudit(tx, {
      actor: { type: "staff", id: staff.id },
      action: "service-request.publish",
      entityType: "ServiceRequest",
      entityId: requestId,
    });
    return { ok: true as const, value: null };
  });
}

export async function unpublishRequest(db: Db, staff: { id: number }, requestId: number): Promise<ServiceResult<null>> {
  return db.$transaction(async (tx) => {
    const row = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: { publishedAt: true } });
    if (!row) return fail("solution", "service.error.notFound");
    if (!row.publishedAt) return { ok: true as const, value: null };
    await tx.serviceRequest.update({ where: { id: requestId }, data: { publishedAt: null } });
    await recordRequestEvent(tx, requestId, { type: "staff", id: staff.id }, "unpublished");
    return { ok: true as const, value: null };
  });
}

// ─────────────────────────────── member actions ───────────────────────────────

export const RatingInputSchema = z.object({
  rating: z.coerce
    .number("service.error.rating")
    .int("service.error.rating")
    .min(1, "service.error.rating")
    .max(5, "service.error.rating"),
  comment: z.string().trim().max(1000, "service.error.commentTooLong").default(""),
});

/**
 * The requester rates the solution (1–5 + comment) once the request is resolved or closed. Rating a
 * resolved request confirms it and closes it.
 */
export async function rateRequest(
  db: Db,
  member: { id: number; nickname: string },
  requestId: number,
  input: unknown,
): Promise<ServiceResult<null>> {
  const parsed = RatingInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  return db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: REQUEST_FOR_MAIL });
    if (!request || request.memberId !== member.id) return fail("rating", "service.error.notFound");
    if (request.status !== "resolved" && request.status !== "closed")
      return fail("rating", "service.error.notResolved");
    const existing = await tx.serviceRequest.findUniqueOrThrow({ where: { id: requestId }, select: { rating: true } });
    if (existing.rating !== null) return fail("rating", "service.error.alreadyRated");
    const now = new Date();
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: {
        rating: parsed.data.rating,
        ratingComment: parsed.data.comment || null,
        ratedAt: now,
        ...(request.status === "resolved" ? { status: "closed", closedAt: now } : {}),
      },
    });
    await recordRequestEvent(tx, requestId, { type: "member", id: member.id }, "rated", {
      rating: parsed.data.rating,
      closed: request.status === "resolved",
    });
    return { ok: true as const, value: null };
  }, TX_OPTIONS);
}

/** Whether the requester may still reopen: resolved/closed less than REOPEN_WINDOW_DAYS ago. */
export function canReopen(
  request: { status: ServiceRequestStatus; resolvedAt: Date | null; closedAt: Date | null },
  now: Date,
): boolean {
  if (request.status !== "resolved" && request.status !== "closed") return false;
  const since = request.closedAt ?? request.resolvedAt;
  return since !== null && now.getTime() - since.getTime() <= REOPEN_WINDOW_DAYS_LOCAL * DAY_MS;
}

export async function reopenRequest(
  db: Db,
  member: { id: number; nickname: string },
  requestId: number,
  reason: string,
  now: Date = new Date(),
): Promise<ServiceResult<null>> {
  const note = reason.trim().slice(0, 1000);
  return db.$transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const request = await tx.serviceRequest.findUnique({
      where: { id: requestId },
      select: { ...REQUEST_FOR_MAIL, resolvedAt: true, closedAt: true },
    });
    if (!request || request.memberId !== member.id) return fail("reopen", "service.error.notFound");
    if (!canReopen(request, now)) return fail("reopen", "service.error.reopenWindow");
    const to: ServiceRequestStatus = request.assigneeId ? "in_progress" : "new";
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: {
        status: to,
        ...pauseFields(request, to, now),
        resolvedAt: null,
        closedAt: null,
        rating: null,
        ratingComment: null,
        ratedAt: null,
        reopenCount: { increment: 1 },
      },
    });
    await recordRequestEvent(tx, requestId, { type: "member", id: member.id }, "reopened", {
      from: request.status,
      to,
      reason: note || null,
    });
    await mailAssignee(tx, request, { event: "status", authorName: member.nickname, excerpt: note, status: to });
    return { ok: true as const, value: null };
  }, TX_OPTIONS);
}
