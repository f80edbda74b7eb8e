import { z } from "zod";
import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  assertCanManageRules,
  invalid,
  isUniqueViolation,
  NOT_FOUND,
  zodFieldErrors,
  type RulesResult,
} from "./rules-access.server.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// 网站线索持有人 (token groups): an ordered list of staff who take web leads in turn. Positions are
// 0..n-1 without gaps; `cursor` is the position of the member who received the last lead (-1 before
// the first). The rotation (token-rotation.server.ts) takes the first eligible member after the
// cursor, wrapping around; this file keeps the list and the cursor consistent while staff edit it.
// Every edit locks the group row first, so edits and lead intake on one group never interleave.

export interface RotationCandidate {
  position: number;
  active: boolean;
  staffStatus: StaffStatus;
}

/** Takes part in the rotation: switched on in the group and the staff member is at work (在岗). */
export function isEligible(member: Pick<RotationCandidate, "active" | "staffStatus">): boolean {
  return member.active && member.staffStatus === "active";
}

/** A group member as the rotation reads it (with the staff member's status). */
interface RotationMember {
  position: number;
  active: boolean;
  staff: { status: StaffStatus };
}

/** The member the next lead goes to: first eligible after the cursor position, wrapping around. */
export function nextInTurn<T extends RotationCandidate>(members: readonly T[], cursor: number): T | null {
  const eligible = members.filter(isEligible).sort((a, b) => a.position - b.position);
  return eligible.find((m) => m.position > cursor) ?? eligible[0] ?? null;
}

/** A group at a glance: its size, how many take part, and who receives the next lead. */
export function tokenGroupSummary(group: {
  id: number;
  name: string;
  cursor: number;
  members: ReadonlyArray<RotationMember & { staff: { id: number; name: string } }>;
}) {
  const candidates = group.members.map((m) => ({ ...m, staffStatus: m.staff.status }));
  const next = nextInTurn(candidates, group.cursor);
  return {
    id: group.id,
    name: group.name,
    memberCount: group.members.length,
    eligibleCount: candidates.filter(isEligible).length,
    next: next ? { id: next.staff.id, name: next.staff.name } : null,
  };
}

export const TokenGroupNameSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
});

type NameField = "name";

const ENTITY = "TokenGroup";

async function lockGroup(tx: Tx, groupId: number): Promise<{ id: number; name: string; cursor: number } | null> {
  const rows = await tx.$queryRaw<Array<{ id: number; name: string; cursor: number }>>`
    SELECT id, name, \`cursor\` FROM TokenGroup WHERE id = ${groupId} FOR UPDATE`;
  const row = rows[0];
  return row ? { id: Number(row.id), name: row.name, cursor: Number(row.cursor) } : null;
}

const audit = staffAuditWriter(ENTITY, "token_group");

/** Marker thrown inside a transaction to roll it back and answer with a field error. */
class NameTaken extends Error {}

type LockedGroup = NonNullable<Awaited<ReturnType<typeof lockGroup>>>;

/** A rules manager's edit of one group, in a transaction holding the group's row lock. */
function editLockedGroup<R extends RulesResult<object, string>>(
  db: Db,
  actor: StaffActor,
  groupId: number,
  edit: (tx: Tx, group: LockedGroup) => Promise<R>,
): Promise<R | typeof NOT_FOUND> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    return group ? edit(tx, group) : NOT_FOUND;
  });
}

type GroupMember = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/** The same for an edit of one member of the group (not-found when it is not in this group). */
function editLockedMember<R extends RulesResult<object, string>>(
  db: Db,
  actor: StaffActor,
  groupId: number,
  memberId: number,
  edit: (tx: Tx, group: LockedGroup, member: GroupMember) => Promise<R>,
): Promise<R | typeof NOT_FOUND> {
  return editLockedGroup(db, actor, groupId, async (tx, group) => {
    const member = await findMember(tx, groupId, memberId);
    return member ? edit(tx, group, member) : NOT_FOUND;
  });
}

/** A member change shows as a change of the group (its "updated" time). */
async function touchGroup(tx: Tx, groupId: number): Promise<void> {
  await tx.tokenGroup.update({ where: { id: groupId }, data: { updatedAt: new Date() } });
}

// ───────────────────────────── Reading ─────────────────────────────

const memberSelect = {
  id: true,
  position: true,
  active: true,
  staff: { select: { id: true, name: true, status: true, title: true, team: selectName } },
} as const;

const groupSelect = {
  id: true,
  name: true,
  cursor: true,
  createdAt: true,
  updatedAt: true,
  members: { orderBy: { position: "asc" }, select: memberSelect },
  categories: { orderBy: { code: "asc" }, select: { id: true, code: true, name: true, active: true } },
} as const;

export async function listTokenGroups(db: DbOrTx) {
  const groups = await db.tokenGroup.findMany({ orderBy: { name: "asc" }, select: groupSelect });
  return groups.map((g) => ({ ...tokenGroupSummary(g), updatedAt: g.updatedAt, categories: g.categories }));
}

export async function getTokenGroup(db: DbOrTx, groupId: number) {
  const group = await db.tokenGroup.findUnique({ where: { id: groupId }, select: groupSelect });
  if (!group) return null;
  const candidates = group.members.map((m) => ({ ...m, staffStatus: m.staff.status }));
  const next = nextInTurn(candidates, group.cursor);
  return {
    id: group.id,
    name: group.name,
    cursor: group.cursor,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    categories: group.categories,
    members: group.members.map((m) => ({
      id: m.id,
      position: m.position,
      active: m.active,
      eligible: isEligible({ active: m.active, staffStatus: m.staff.status }),
      isNext: next?.id === m.id,
      staff: {
        id: m.staff.id,
        name: m.staff.name,
        status: m.staff.status,
        title: m.staff.title,
        team: m.staff.team?.name ?? null,
      },
    })),
    next: next ? { memberId: next.id, staffId: next.staff.id, name: next.staff.name } : null,
  };
}

/** Active staff who are not in the group yet: the choices for "add staff". */
export async function listAddableStaff(db: DbOrTx, groupId: number) {
  const staff = await db.staff.findMany({
    where: { status: "active", tokenGroups: { none: { groupId } } },
    orderBy: [{ teamId: "asc" }, { name: "asc" }],
    select: { id: true, name: true, title: true, team: selectName },
  });
  return staff.map((s) => ({ id: s.id, name: s.name, title: s.title, team: s.team?.name ?? null }));
}

// ───────────────────────────── Group ─────────────────────────────

async function nameClash(tx: Tx, name: string, exceptId?: number): Promise<boolean> {
  const clash = await tx.tokenGroup.findFirst({
    where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return clash !== null;
}

export async function createTokenGroup(
  db: Db,
  actor: StaffActor,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<{ groupId: number }, NameField>> {
  assertCanManageRules(actor);
  const parsed = TokenGroupNameSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors<NameField>(parsed.error.issues));
  const { name } = parsed.data;
  const taken = invalid<NameField>({ name: { key: "rules.groups.error.nameTaken", vars: { name } } });
  try {
    const groupId = await db.$transaction(async (tx) => {
      if (await nameClash(tx, name)) throw new NameTaken();
      const group = await tx.tokenGroup.create({ data: { name } });
      await audit(tx, actor, meta, "created", group.id, undefined, { name });
      return group.id;
    });
    return { ok: true, groupId };
  } catch (error) {
    if (error instanceof NameTaken || isUniqueViolation(error)) return taken;
    throw error;
  }
}

export async function renameTokenGroup(
  db: Db,
  actor: StaffActor,
  groupId: number,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<object, NameField>> {
  assertCanManageRules(actor);
  const parsed = TokenGroupNameSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors<NameField>(parsed.error.issues));
  const { name } = parsed.data;
  try {
    return await editLockedGroup(db, actor, groupId, async (tx, group) => {
      if (group.name === name) return { ok: true };
      if (await nameClash(tx, name, groupId)) throw new NameTaken();
      await tx.tokenGroup.update({ where: { id: groupId }, data: { name } });
      await audit(tx, actor, meta, "renamed", groupId, { name: group.name }, { name });
      return { ok: true };
    });
  } catch (error) {
    if (error instanceof NameTaken || isUniqueViolation(error))
      return invalid<NameField>({ name: { key: "rules.groups.error.nameTaken", vars: { name } } });
    throw error;
  }
}

/** Deletes a group that no registration category uses; otherwise names the categories in the way. */
export async function deleteTokenGroup(
  db: Db,
  actor: StaffActor,
  groupId: number,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  // The row lock also holds back a category being bound to this group meanwhile (its foreign-key
  // check waits for us), so "unused" stays true until the delete commits.
  return editLockedGroup(db, actor, groupId, async (tx, group) => {
    const users = await tx.registrationCategory.findMany({
      where: { tokenGroupId: groupId },
      orderBy: { code: "asc" },
      select: { code: true, name: true },
    });
    if (users.length > 0) {
      return invalid(
        {},
        {
          key: "rules.groups.error.inUse",
          vars: { categories: users.map((c) => `${c.name} (${c.code})`).join(", ") },
        },
      );
    }
    const members = await tx.tokenGroupMember.findMany({
      where: { groupId },
      orderBy: { position: "asc" },
      select: { staffId: true },
    });
    await tx.tokenGroup.delete({ where: { id: groupId } });
    await audit(tx, actor, meta, "deleted", groupId, { name: group.name, staffIds: members.map((m) => m.staffId) });
    return { ok: true };
  });
}

// ───────────────────────────── Members ─────────────────────────────

/** Appends an active staff member at the end of the order. */
export async function addTokenGroupMember(
  db: Db,
  actor: StaffActor,
  groupId: number,
  staffId: number,
  meta: AuditMeta = {},
): Promise<RulesResult<{ memberId: number }, "staffId">> {
  try {
    return await editLockedGroup(db, actor, groupId, async (tx) => {
      const staff = await tx.staff.findUnique({
        where: { id: staffId },
        select: { id: true, name: true, status: true },
      });
      if (!staff || staff.status !== "active") {
        return invalid<"staffId">({ staffId: { key: "rules.groups.error.staffNotActive" } });
      }
      const existing = await tx.tokenGroupMember.findUnique({ where: { groupId_staffId: { groupId, staffId } } });
      if (existing) {
        return invalid<"staffId">({ staffId: { key: "rules.groups.error.alreadyMember", vars: { name: staff.name } } });
      }
      const last = await tx.tokenGroupMember.aggregate({ where: { groupId }, _max: { position: true } });
      const position = (last._max.position ?? -1) + 1;
      const member = await tx.tokenGroupMember.create({ data: { groupId, staffId, position } });
      await touchGroup(tx, groupId);
      await audit(tx, actor, meta, "member_added", groupId, undefined, { staffId, position });
      return { ok: true, memberId: member.id };
    });
  } catch (error) {
    // Only reachable if a row appeared without the group lock (e.g. a hand-written insert).
    if (isUniqueViolation(error)) {
      const staff = await db.staff.findUnique({ where: { id: staffId }, select: { name: true } });
      return invalid<"staffId">({
        staffId: { key: "rules.groups.error.alreadyMember", vars: { name: staff?.name ?? String(staffId) } },
      });
    }
    throw error;
  }
}

async function findMember(tx: Tx, groupId: number, memberId: number) {
  return tx.tokenGroupMember.findFirst({
    where: { id: memberId, groupId },
    select: { id: true, position: true, active: true, staffId: true },
  });
}

/** Removes a member and closes the gap; the cursor keeps pointing at the same "last receiver" slot. */
export async function removeTokenGroupMember(
  db: Db,
  actor: StaffActor,
  groupId: number,
  memberId: number,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  return editLockedMember(db, actor, groupId, memberId, async (tx, group, member) => {
    await tx.tokenGroupMember.delete({ where: { id: member.id } });
    // Ascending order keeps (groupId, position) unique at every row the statement touches.
    await tx.$executeRaw`
      UPDATE TokenGroupMember SET \`position\` = \`position\` - 1
      WHERE groupId = ${groupId} AND \`position\` > ${member.position}
      ORDER BY \`position\` ASC`;
    // Whoever followed the removed member is next, as they would have been before.
    const cursor = group.cursor >= member.position ? group.cursor - 1 : group.cursor;
    await tx.tokenGroup.update({ where: { id: groupId }, data: { cursor } });
    await audit(
      tx,
      actor,
      meta,
      "member_removed",
      groupId,
      { staffId: member.staffId, position: member.position, cursor: group.cursor },
      { cursor },
    );
    return { ok: true };
  });
}

export async function setTokenGroupMemberActive(
  db: Db,
  actor: StaffActor,
  groupId: number,
  memberId: number,
  active: boolean,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  return editLockedMember(db, actor, groupId, memberId, async (tx, group, member) => {
    if (member.active === active) return { ok: true };
    await tx.tokenGroupMember.update({ where: { id: member.id }, data: { active } });
    await touchGroup(tx, groupId);
    await audit(
      tx,
      actor,
      meta,
      active ? "member_activated" : "member_deactivated",
      groupId,
      { staffId: member.staffId, active: member.active },
      { staffId: member.staffId, active },
    );
    return { ok: true };
  });
}

/**
 * Swaps a member with its neighbour above or below. The swap goes through a temporary position
 * (-1, never used otherwise) because (groupId, position) is unique. The cursor follows the member
 * who received the last lead, so a reorder never hands that person two leads in a row.
 */
export async function moveTokenGroupMember(
  db: Db,
  actor: StaffActor,
  groupId: number,
  memberId: number,
  direction: "up" | "down",
  meta: AuditMeta = {},
): Promise<RulesResult<{ moved: boolean }>> {
  return editLockedMember(db, actor, groupId, memberId, async (tx, group, member) => {
    const target = member.position + (direction === "up" ? -1 : 1);
    const neighbour = await tx.tokenGroupMember.findUnique({
      where: { groupId_position: { groupId, position: target } },
      select: { id: true, staffId: true },
    });
    if (!neighbour) return { ok: true, moved: false };
    await tx.tokenGroupMember.update({ where: { id: member.id }, data: { position: -1 } });
    await tx.tokenGroupMember.update({ where: { id: neighbour.id }, data: { position: member.position } });
    await tx.tokenGroupMember.update({ where: { id: member.id }, data: { position: target } });
    const cursor = group.cursor === member.position ? target : group.cursor === target ? member.position : group.cursor;
    await tx.tokenGroup.update({ where: { id: groupId }, data: { cursor } });
    await audit(
      tx,
      actor,
      meta,
      "member_moved",
      groupId,
      { staffId: member.staffId, position: member.position, cursor: group.cursor },
      { staffId: member.staffId, position: target, cursor, direction },
    );
    return { ok: true, moved: true };
  });
}
