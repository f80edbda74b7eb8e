import type { ForumViewer } from "./forum-access.ts";

// How a post's author is shown: members by nickname only (never the real name), staff marked as staff.

export const authorSelect = {
  authorMemberId: true,
  authorStaffId: true,
  authorMember: { select: { nickname: true } },
  authorStaff: { select: { name: true } },
} as const;

export type ForumAuthor = { kind: "member"; nickname: string } | { kind: "staff"; name: string } | { kind: "gone" };

export function authorOf(row: {
  authorMember: { nickname: string } | null;
  authorStaff: { name: string } | null;
}): ForumAuthor {
  if (row.authorMember) return { kind: "member", nickname: row.authorMember.nickname };
  if (row.authorStaff) return { kind: "staff", name: row.authorStaff.name };
  return { kind: "gone" };
}

/** The display name for notifications and quotes. */
export function authorName(author: ForumAuthor): string {
  return author.kind === "member" ? author.nickname : author.kind === "staff" ? author.name : "—";
}

export function isAuthor(viewer: ForumViewer, row: { authorMemberId: number | null; authorStaffId: number | null }) {
  if (viewer.kind === "member") return row.authorMemberId === viewer.memberId;
  if (viewer.kind === "staff") return row.authorStaffId === viewer.staffId;
  return false;
}

/** The author columns of a new thread or post written by this viewer. */
export function authorColumns(viewer: Exclude<ForumViewer, { kind: "visitor" }>) {
  return viewer.kind === "member"
    ? { authorMemberId: viewer.memberId, authorStaffId: null }
    : { authorMemberId: null, authorStaffId: viewer.staffId };
}
