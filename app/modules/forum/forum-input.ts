import { z } from "zod";

// Limits and parsing of what members and staff type into the forum (shared by services and forms).

export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const TAG_MAX = 30;
export const TAGS_MAX = 5;
export const REASON_MAX = 500;

export const THREAD_SORTS = ["activity", "newest", "unanswered", "essence"] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

export function isThreadSort(value: unknown): value is ThreadSort {
  return typeof value === "string" && (THREAD_SORTS as readonly string[]).includes(value);
}

/** "安装, 部署，license" → ["安装", "部署", "license"]: trimmed, de-duplicated, at most TAGS_MAX. */
export function parseTags(raw: string | null | undefined): string[] {
  const seen = new Set<string>();
  for (const part of (raw ?? "").split(/[,，、;；\s]+/)) {
    const tag = part.trim().replace(/^#/, "").slice(0, TAG_MAX);
    if (tag !== "") seen.add(tag);
    if (seen.size >= TAGS_MAX) break;
  }
  return [...seen];
}

/** @nicknames mentioned in plain text (nicknames hold no spaces or @). */
export function mentionedNicknames(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/@([^\s@,，。:：;；!！?？()（）]{1,40})/g)) {
    found.add(match[1]!);
    if (found.size >= 10) break;
  }
  return [...found];
}

export const ThreadInputSchema = z.object({
  title: z.string().trim().min(4, "forum.error.title").max(TITLE_MAX, "forum.error.title"),
  body: z.string().max(BODY_MAX, "forum.error.tooLong"),
  tags: z.string().max(300, "forum.error.tooLong").optional(),
});
export type ThreadInput = z.input<typeof ThreadInputSchema>;

export const ReplyInputSchema = z.object({
  body: z.string().max(BODY_MAX, "forum.error.tooLong"),
  quotePostId: z.coerce.number().int().positive().optional(),
});
export type ReplyInput = z.input<typeof ReplyInputSchema>;

export const ReasonSchema = z.object({
  reason: z.string().trim().min(2, "forum.error.reason").max(REASON_MAX, "forum.error.reason"),
});

/** Keyset cursor "<epoch ms>.<id>" of the last row of a page. */
export function encodeCursor(at: Date, id: number): string {
  return `${at.getTime()}.${id}`;
}

export function decodeCursor(cursor: string | null | undefined): { at: Date; id: number } | null {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(cursor ?? "");
  if (!match) return null;
  const id = Number(match[2]);
  const at = new Date(Number(match[1]));
  return Number.isSafeInteger(id) && id <= 2_147_483_647 && !Number.isNaN(at.getTime()) ? { at, id } : null;
}
