import { z } from "zod";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";

// 便笺 / 跟进记录: dated notes by staff on a lead, campaign, opportunity, company or contact. Generic over the owner
// record; callers check that the author may work on that record before calling.

export type NoteTarget =
  | { leadId: number }
  | { campaignId: number }
  | { opportunityId: number }
  | { companyId: number }
  | { contactId: number };

export const NOTE_MAX = 5000;

export type NoteErrorKey = Extract<MessageKey, `leadWork.error.${string}`>;

export const NoteBodySchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "leadWork.error.required" satisfies NoteErrorKey })
    .min(1, { error: "leadWork.error.required" satisfies NoteErrorKey })
    .max(NOTE_MAX, { error: "leadWork.error.tooLong" satisfies NoteErrorKey }),
);

export type AddNoteResult =
  | { ok: true; note: { id: number; body: string; createdAt: Date } }
  | { ok: false; fieldErrors: { body: NoteErrorKey } };

/** Which owner column a target sets; exactly one. */
function targetWhere(target: NoteTarget) {
  if ("leadId" in target) return { leadId: target.leadId };
  if ("campaignId" in target) return { campaignId: target.campaignId };
  if ("companyId" in target) return { companyId: target.companyId };
  if ("contactId" in target) return { contactId: target.contactId };
  return { opportunityId: target.opportunityId };
}

export async function addNote(
  db: DbOrTx,
  input: { authorId: number; body: unknown; target: NoteTarget },
): Promise<AddNoteResult> {
  const parsed = NoteBodySchema.safeParse(input.body);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "leadWork.error.required";
    return {
      ok: false,
      fieldErrors: { body: key.startsWith("leadWork.error.") ? (key as NoteErrorKey) : "leadWork.error.invalid" },
    };
  }
  const note = await db.note.create({
    data: { authorId: input.authorId, body: parsed.data, ...targetWhere(input.target) },
    select: { id: true, body: true, createdAt: true },
  });
  return { ok: true, note };
}

export interface NoteView {
  id: number;
  body: string;
  createdAt: Date;
  author: { id: number; name: string } | null;
}

/** Notes of one record, newest first, with their authors' names. */
export async function listNotes(db: DbOrTx, target: NoteTarget, options: { take?: number } = {}): Promise<NoteView[]> {
  const notes = await db.note.findMany({
    where: targetWhere(target),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 100,
  });
  const authorIds = [...new Set(notes.map((n) => n.authorId).filter((id): id is number => id !== null))];
  const authors = authorIds.length
    ? await db.staff.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(authors.map((a) => [a.id, a]));
  return notes.map((n) => ({
    id: n.id,
    body: n.body,
    createdAt: n.createdAt,
    author: n.authorId !== null ? (byId.get(n.authorId) ?? null) : null,
  }));
}
