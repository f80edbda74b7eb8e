import type { Db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { conflict, notFound, ok, rateLimited, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { NewThreadSchema, ReplySchema } from "./message-input.ts";
import { assignThreadToMe, replyAsMember, replyAsStaff, startThread } from "./site-messages.server.ts";

// The site-message forms of both surfaces as ServiceResults for `respond`: field errors with typed
// keys, 404 for a thread that is not there (or not the member's), 429 when a member writes too fast,
// 409 when the member's account is closed. The rules stay in site-messages.server.ts.

/** 写新消息: a member opens a conversation. */
export async function startThreadForm(
  db: Db,
  memberId: number,
  form: FormData,
): Promise<ServiceResult<{ threadId: number }>> {
  const parsed = await parseForm(form, NewThreadSchema);
  if (parsed.status !== "ok") return parsed;
  const result = await startThread(db, memberId, parsed.value);
  if (result.kind === "rate-limited") return rateLimited(result.retryAfterSeconds, "messages.rateLimited");
  return ok({ threadId: result.threadId });
}

/** A member's reply in their own thread. */
export async function memberReplyForm(
  db: Db,
  memberId: number,
  threadId: number,
  form: FormData,
): Promise<ServiceResult<undefined>> {
  const parsed = await parseForm(form, ReplySchema);
  if (parsed.status !== "ok") return parsed;
  const result = await replyAsMember(db, memberId, threadId, parsed.value);
  if (result.kind === "not-found") return notFound();
  if (result.kind === "rate-limited") return rateLimited(result.retryAfterSeconds, "messages.rateLimited");
  return ok();
}

/** A staff reply; says whether the member was e-mailed (the confirmation differs). */
export async function staffReplyForm(
  db: Db,
  actor: StaffActor,
  threadId: number,
  form: FormData,
): Promise<ServiceResult<{ emailed: boolean }>> {
  const parsed = await parseForm(form, ReplySchema);
  if (parsed.status !== "ok") return parsed;
  const result = await replyAsStaff(db, actor, threadId, parsed.value);
  switch (result.kind) {
    case "ok":
      return ok({ emailed: result.emailed });
    case "not-found":
    case "forbidden":
      return refusal(result.kind);
    case "closed":
      return conflict("messages.crm.closed");
  }
}

/** 分配给我. */
export async function assignThreadForm(db: Db, actor: StaffActor, threadId: number): Promise<ServiceResult<undefined>> {
  const result = await assignThreadToMe(db, actor, threadId);
  if (result.kind === "not-found" || result.kind === "forbidden") return refusal(result.kind);
  return ok();
}
