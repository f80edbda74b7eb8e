import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { ForumAuthor } from "./forum-authors.ts";

// The authors of many posts and threads in one statement (decision 065). Selecting `authorMember` and
// `authorStaff` as Prisma relations costs two extra statements per query that lists posts (the
// opening post, the replies, the quotes, the thread: eight on a thread page); one UNION reads the
// nicknames and staff names of all of them at once. Members by nickname only, never the real name.

export interface AuthorIds {
  authorMemberId: number | null;
  authorStaffId: number | null;
}

export type AuthorLookup = (row: AuthorIds) => ForumAuthor;

export async function loadAuthors(db: DbOrTx, rows: readonly AuthorIds[]): Promise<AuthorLookup> {
  const memberIds = [...new Set(rows.flatMap((r) => (r.authorMemberId === null ? [] : [r.authorMemberId])))];
  const staffIds = [...new Set(rows.flatMap((r) => (r.authorStaffId === null ? [] : [r.authorStaffId])))];
  const parts: Prisma.Sql[] = [];
  if (memberIds.length > 0) {
    parts.push(
      Prisma.sql`SELECT 'm' AS kind, id, nickname AS name FROM \`Member\` WHERE id IN (${Prisma.join(memberIds)})`,
    );
  }
  if (staffIds.length > 0) {
    parts.push(Prisma.sql`SELECT 's' AS kind, id, name FROM \`Staff\` WHERE id IN (${Prisma.join(staffIds)})`);
  }
  const found =
    parts.length > 0
      ? await db.$queryRaw<Array<{ kind: string; id: number | bigint; name: string }>>(
          Prisma.join(parts, " UNION ALL "),
        )
      : [];
  const members = new Map<number, string>();
  const staff = new Map<number, string>();
  for (const row of found) (row.kind === "m" ? members : staff).set(Number(row.id), row.name);
  return (row) => {
    const nickname = row.authorMemberId === null ? undefined : members.get(row.authorMemberId);
    if (nickname !== undefined) return { kind: "member", nickname };
    const name = row.authorStaffId === null ? undefined : staff.get(row.authorStaffId);
    if (name !== undefined) return { kind: "staff", name };
    return { kind: "gone" };
  };
}
