import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { DbOrTx, Tx } from "#app/lib/db.server.ts";

// Round-robin over a token group (网站线索持有人, seed 000 §2.H.2): leads go "evenly and in turn"
// (均匀、依次) to the group's members in position order. The group row's `cursor` is the position
// of the member who received the last lead; the next lead goes to the first eligible member after
// it, wrapping around. Eligible = active in the group AND the staff account is active (away and
// deactivated people are skipped, not queued).
//
// The cursor is durable (a column, not process memory) and is claimed under a row lock in the
// caller's transaction, which is the same transaction that inserts the lead: two intakes can never
// read the same cursor, and a rolled-back intake leaves the cursor where it was. Positions need not
// be contiguous, so removing a member never shifts anybody's turn.

export type SkipReason = "member-inactive" | "staff-away" | "staff-inactive";

export interface RotationStaff {
  id: number;
  name: string;
  email: string;
  locale: string;
  status: StaffStatus;
}

export interface RotationMember {
  position: number;
  /** Active in this group (a member can be paused without being removed). */
  active: boolean;
  staff: RotationStaff;
}

export interface SkippedMember {
  staffId: number;
  name: string;
  position: number;
  reason: SkipReason;
}

export interface TurnPick {
  chosen: RotationMember | null;
  /** Ineligible members passed over before the chosen one (all of them when nobody is eligible). */
  skipped: SkippedMember[];
}

export function skipReason(member: RotationMember): SkipReason | null {
  if (!member.active) return "member-inactive";
  if (member.staff.status === "away") return "staff-away";
  if (member.staff.status === "inactive") return "staff-inactive";
  return null;
}

/** The member whose turn follows `cursor` (pure; the caller holds the lock). */
export function pickNextTurn(members: readonly RotationMember[], cursor: number): TurnPick {
  const ordered = [...members].sort((a, b) => a.position - b.position);
  // Cyclic order starting just after the cursor: later positions first, then wrap to the start.
  const cyclic = [...ordered.filter((m) => m.position > cursor), ...ordered.filter((m) => m.position <= cursor)];
  const skipped: SkippedMember[] = [];
  for (const member of cyclic) {
    const reason = skipReason(member);
    if (!reason) return { chosen: member, skipped };
    skipped.push({ staffId: member.staff.id, name: member.staff.name, position: member.position, reason });
  }
  return { chosen: null, skipped };
}

export interface TokenTurn extends TurnPick {
  groupId: number;
  groupName: string;
  cursorBefore: number;
  memberCount: number;
}

interface MemberRow {
  position: number;
  active: number | boolean;
  id: number;
  name: string;
  email: string;
  locale: string;
  status: StaffStatus;
}

interface LockedGroupRow {
  id: number;
  name: string;
  cursor: number;
}

const MEMBER_SELECT = {
  position: true,
  active: true,
  staff: { select: { id: true, name: true, email: true, locale: true, status: true } },
} as const;

/**
 * Locks the group row, picks the next member and moves the cursor to them, all in `tx`. Returns
 * null when the group no longer exists; `chosen` is null (cursor unchanged) when the group is empty
 * or nobody in it is eligible, so the caller falls through to the next routing rule.
 *
 * Run `tx` at READ COMMITTED (the intake does): the member/staff read after the lock must see
 * changes committed while this transaction waited for it.
 */
export async function claimNextTurn(tx: Tx, groupId: number): Promise<TokenTurn | null> {
  // `cursor` is a reserved word in MySQL/MariaDB, hence the backticks.
  const rows = await tx.$queryRaw<LockedGroupRow[]>`
    SELECT \`id\`, \`name\`, \`cursor\` FROM \`TokenGroup\` WHERE \`id\` = ${groupId} FOR UPDATE`;
  const group = rows[0];
  if (!group) return null;
  // One joined read (Prisma would issue two): this runs while the group row is locked.
  const memberRows = await tx.$queryRaw<MemberRow[]>`
    SELECT m.\`position\`, m.\`active\`, s.\`id\`, s.\`name\`, s.\`email\`, s.\`locale\`,
      -- "Away until" a time that has passed counts as back, even before the worker flips the status.
      CASE WHEN s.\`status\` = 'away' AND s.\`awayUntil\` <= UTC_TIMESTAMP(3) THEN 'active' ELSE s.\`status\` END AS \`status\`
    FROM \`TokenGroupMember\` m JOIN \`Staff\` s ON s.\`id\` = m.\`staffId\`
    WHERE m.\`groupId\` = ${groupId} ORDER BY m.\`position\``;
  const members: RotationMember[] = memberRows.map((row) => ({
    position: Number(row.position),
    active: Boolean(row.active),
    staff: { id: Number(row.id), name: row.name, email: row.email, locale: row.locale, status: row.status },
  }));
  const cursorBefore = Number(group.cursor);
  const pick = pickNextTurn(members, cursorBefore);
  if (pick.chosen && pick.chosen.position !== cursorBefore) {
    await tx.$executeRaw`
      UPDATE \`TokenGroup\` SET \`cursor\` = ${pick.chosen.position}, \`updatedAt\` = NOW(3) WHERE \`id\` = ${groupId}`;
  }
  return { ...pick, groupId, groupName: group.name, cursorBefore, memberCount: members.length };
}

/** Who would get the next lead, without locking or moving the cursor (for the back office). */
export async function previewNextTurn(db: DbOrTx, groupId: number): Promise<TokenTurn | null> {
  const group = await db.tokenGroup.findUnique({
    where: { id: groupId },
    select: { id: true, name: true, cursor: true, members: { select: MEMBER_SELECT, orderBy: { position: "asc" } } },
  });
  if (!group) return null;
  const pick = pickNextTurn(group.members, group.cursor);
  return {
    ...pick,
    groupId: group.id,
    groupName: group.name,
    cursorBefore: group.cursor,
    memberCount: group.members.length,
  };
}
