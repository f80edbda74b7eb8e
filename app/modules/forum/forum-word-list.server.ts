import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { getForumLimits, setForumLimits } from "./forum-gate.server.ts";
import { FORUM_LIMIT_FIELDS, ForumLimitsSchema, type ForumLimits } from "./forum-limits.ts";
import { normalizeWord, WORD_ACTIONS, WORD_MAX } from "./forum-words.ts";

// The admin's forum settings page (back office): the limits and the sensitive-word list. Every change
// is audited; a word is stored with its folded form, so "ＡＢＣ" and "abc" are one entry.

const WordInputSchema = z.object({
  word: z.string().trim().min(1, "forumMod.error.word").max(WORD_MAX, "forumMod.error.word"),
  action: z.enum(WORD_ACTIONS, "forumMod.error.action"),
});

export async function listSensitiveWordsForAdmin(db: DbOrTx) {
  return db.forumSensitiveWord.findMany({
    orderBy: [{ action: "asc" }, { normalized: "asc" }],
    select: { id: true, word: true, action: true, createdAt: true },
    take: 5_000,
  });
}

export async function addSensitiveWord(
  db: Db,
  actor: StaffActor,
  input: { word: unknown; action: unknown },
): Promise<ServiceResult<{ id: number }>> {
  const parsed = WordInputSchema.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === "action" ? "action" : "word";
    return invalid({ [field]: [field === "action" ? "forumMod.error.action" : "forumMod.error.word"] });
  }
  const normalized = normalizeWord(parsed.data.word);
  if (normalized === "") return invalid({ word: ["forumMod.error.word"] });
  const existing = await db.forumSensitiveWord.findUnique({ where: { normalized }, select: { id: true } });
  if (existing) return conflict("forumMod.error.wordExists");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.forumSensitiveWord.create({
      data: { word: parsed.data.word, normalized, action: parsed.data.action, createdById: actor.staffId },
      select: { id: true },
    });
    await recordStaffAudit(tx, actor, {
      action: "forum.word.add",
      entityType: "ForumSensitiveWord",
      entityId: created.id,
      after: { word: parsed.data.word, action: parsed.data.action },
    });
    return created;
  });
  return ok(row);
}

export async function removeSensitiveWord(
  db: Db,
  actor: StaffActor,
  id: number,
): Promise<ServiceResult<{ id: number }>> {
  const row = await db.forumSensitiveWord.findUnique({ where: { id }, select: { id: true, word: true, action: true } });
  if (!row) return notFound("form.notFound");
  await db.$transaction(async (tx) => {
    await tx.forumSensitiveWord.delete({ where: { id } });
    await recordStaffAudit(tx, actor, {
      action: "forum.word.remove",
      entityType: "ForumSensitiveWord",
      entityId: id,
      before: { word: row.word, action: row.action },
    });
  });
  return ok({ id });
}

/** Saves the limits typed into the settings form (whole numbers within each field's range). */
export async function saveForumLimits(
  db: Db,
  actor: StaffActor,
  formData: FormData,
): Promise<ServiceResult<ForumLimits>> {
  const raw: Record<string, number> = {};
  const errors: Record<string, ["forumMod.error.number"]> = {};
  for (const field of FORUM_LIMIT_FIELDS) {
    const text = formData.get(field);
    const value = typeof text === "string" && /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    const single = ForumLimitsSchema.shape[field].safeParse(value);
    if (single.success) raw[field] = single.data;
    else errors[field] = ["forumMod.error.number"];
  }
  if (Object.keys(errors).length > 0) return invalid(errors);
  const before = await getForumLimits(db);
  const value = await db.$transaction(async (tx) => {
    const saved = await setForumLimits(tx, raw as ForumLimits, actor.staffId);
    await recordStaffAudit(tx, actor, {
      action: "forum.limits.update",
      entityType: "Setting",
      entityId: "forum.limits",
      before,
      after: saved,
    });
    return saved;
  });
  return ok(value);
}
