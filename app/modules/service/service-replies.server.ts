import type { Db, Tx } from "#app/lib/db.server.ts";
import { recordRequestEvent } from "./service-request-events.server.ts";
import { isRichTextEmpty, normaliseRichTextInput, richTextToPlain } from "#app/lib/rich-text.server.ts";
import { attachStored, discardStored, type StoredFile } from "#app/modules/files/attachments.server.ts";
import type { ServiceRequestStatus } from "#app/generated/prisma/client.ts";
import { pauseFields } from "./service-sla.ts";
import {
  mailAssignee,
  mailMember,
  REQUEST_FOR_MAIL,
  STAFF_TRANSITIONS,
  TX_OPTIONS,
  type ServiceResult,
} from "./service-requests.server.ts";

// Replies on a service request. Public replies are the conversation with the customer (mailed to the
// other side); internal notes are for staff only: never selected by a portal query, never mailed,
// and their attachments are never downloadable from the portal. Bodies are sanitised HTML.

/** The request being replied to, locked so replies and status changes on it never interleave. */
async function lockRequest(tx: Tx, requestId: number) {
  await tx.$queryRaw`SELECT \`id\` FROM \`ServiceRequest\` WHERE \`id\` = ${requestId} FOR UPDATE`;
  return tx.serviceRequest.findUnique({ where: { id: requestId }, select: REQUEST_FOR_MAIL });
}

type LockedRequest = NonNullable<Awaited<ReturnType<typeof lockRequest>>>;
type ReplyResult = ServiceResult<{ replyId: number }>;

/**
 * A reply with an empty body is refused; otherwise `save` runs in one transaction with the request
 * locked (null when it does not exist). The uploaded files are discarded when the body is refused
 * or the transaction fails.
 */
async function saveReply(
  db: Db,
  requestId: number,
  body: unknown,
  stored: StoredFile[],
  save: (tx: Tx, request: LockedRequest | null, bodyHtml: string) => Promise<ReplyResult>,
): Promise<ReplyResult> {
  const bodyHtml = bodyOf(body);
  if (!bodyHtml) {
    await discardStored(stored);
    return { ok: false, errors: { body: ["service.error.bodyRequired"] } };
  }
  try {
    return await db.$transaction(async (tx) => save(tx, await lockRequest(tx, requestId), bodyHtml), TX_OPTIONS);
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
}

function bodyOf(raw: unknown): string | null {
  const html = normaliseRichTextInput(typeof raw === "string" ? raw.slice(0, 200_000) : "");
  return isRichTextEmpty(html) ? null : html;
}

/**
 * A staff reply: public (to the customer, counts as the first response, mailed to the member) or an
 * internal note. `thenStatus` optionally moves the request along in the same transaction, e.g.
 * "reply and wait for the customer".
 */
export async function addStaffReply(
  db: Db,
  staff: { id: number; name: string },
  requestId: number,
  input: { body: unknown; internal: boolean; thenStatus?: ServiceRequestStatus | null },
  stored: StoredFile[] = [],
): Promise<ServiceResult<{ replyId: number }>> {
  return saveReply(db, requestId, input.body, stored, async (tx, request, bodyHtml): Promise<ReplyResult> => {
    if (!request) return { ok: false as const, errors: { body: ["service.error.notFound"] } };
    const next = input.thenStatus && input.thenStatus !== request.status ? input.thenStatus : null;
    if (next && !STAFF_TRANSITIONS[request.status].includes(next)) {
      return { ok: false as const, errors: { thenStatus: ["service.error.transition"] } };
    }
    const now = new Date();
    const reply = await tx.serviceReply.create({
      data: {
        requestId,
        authorType: "staff",
        authorStaffId: staff.id,
        internal: input.internal,
        bodyHtml,
        createdAt: now,
      },
    });
    await attachStored(tx, stored, { type: "service_reply", id: reply.id }, { staffId: staff.id });
    await recordRequestEvent(
      tx,
      requestId,
      { type: "staff", id: staff.id },
      input.internal ? "internal-note" : "reply",
      { replyId: reply.id },
      now,
    );
    const status = next ?? request.status;
    if (!input.internal || next) {
      await tx.serviceRequest.update({
        where: { id: requestId },
        data: {
          ...(next ? { status: next, ...pauseFields(request, next, now) } : {}),
          ...(next === "resolved" ? { resolvedAt: now } : {}),
          ...(next === "closed" ? { closedAt: now } : {}),
          ...(!request.firstResponseAt && (!input.internal || (next && next !== "new"))
            ? { firstResponseAt: now }
            : {}),
        },
      });
    }
    if (next) {
      await recordRequestEvent(tx, requestId, { type: "staff", id: staff.id }, "status", {
        from: request.status,
        to: next,
      });
    }
    if (!input.internal) {
      await mailMember(tx, request, {
        event: "reply",
        authorName: staff.name,
        excerpt: richTextToPlain(bodyHtml),
        status,
      });
    } else if (next) {
      await mailMember(tx, request, { event: "status", authorName: staff.name, excerpt: "", status });
    }
    return { ok: true as const, value: { replyId: reply.id } };
  });
}

/**
 * The requesting member's reply (colleagues reading a published request can't reply). A reply while
 * we wait for the customer moves the request back to in progress. Resolved/closed requests need a
 * reopen first.
 */
export async function addMemberReply(
  db: Db,
  member: { id: number; nickname: string },
  requestId: number,
  input: { body: unknown },
  stored: StoredFile[] = [],
): Promise<ServiceResult<{ replyId: number }>> {
  return saveReply(db, requestId, input.body, stored, async (tx, request, bodyHtml) => {
    if (!request || request.memberId !== member.id) {
      return { ok: false as const, errors: { body: ["service.error.notFound"] } };
    }
    if (request.status === "resolved" || request.status === "closed") {
      return { ok: false as const, errors: { body: ["service.error.replyClosed"] } };
    }
    const reply = await tx.serviceReply.create({
      data: { requestId, authorType: "member", authorMemberId: member.id, internal: false, bodyHtml },
    });
    await attachStored(tx, stored, { type: "service_reply", id: reply.id }, { memberId: member.id });
    await recordRequestEvent(tx, requestId, { type: "member", id: member.id }, "member-reply", { replyId: reply.id });
    let status = request.status;
    if (request.status === "waiting_customer") {
      status = "in_progress";
      await tx.serviceRequest.update({
        where: { id: requestId },
        data: { status, ...pauseFields(request, status, new Date()) },
      });
      await recordRequestEvent(tx, requestId, { type: "member", id: member.id }, "status", {
        from: request.status,
        to: status,
      });
    }
    await mailAssignee(tx, request, {
      event: "reply",
      authorName: member.nickname,
      excerpt: richTextToPlain(bodyHtml),
      status,
    });
    return { ok: true as const, value: { replyId: reply.id } };
  });
}
