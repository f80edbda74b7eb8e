import { z } from "zod";
import type { TeamKind } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { msg, trimmedText } from "#app/lib/schemas.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// 团队管理 (seed §2.P.2): company → branches / offices → departments. Each staff member belongs to one
// team; "team" scope covers a team and everything below it (permissions.ts teamScopeIds, loaded once
// per request in staff-principal.server.ts). Parent changes are refused when they would close a cycle.

export const TEAM_KINDS = ["company", "branch", "office", "department"] as const satisfies readonly TeamKind[];

export interface TeamNode {
  id: number;
  name: string;
  kind: TeamKind;
  parentId: number | null;
  position: number;
  depth: number;
  staffCount: number;
  childCount: number;
}

/** Every team in tree order (parents before children, siblings by position then name), with depth. */
export async function listTeamTree(db: DbOrTx): Promise<TeamNode[]> {
  const teams = await db.team.findMany({
    select: { id: true, name: true, kind: true, parentId: true, position: true, _count: { select: { staff: true } } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  const byParent = new Map<number | null, typeof teams>();
  const ids = new Set(teams.map((t) => t.id));
  for (const team of teams) {
    // A parent outside the list cannot happen with the FK; treat it as a root rather than lose the team.
    const parent = team.parentId !== null && ids.has(team.parentId) ? team.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), team]);
  }
  const out: TeamNode[] = [];
  const seen = new Set<number>();
  const walk = (parentId: number | null, depth: number) => {
    for (const team of byParent.get(parentId) ?? []) {
      if (seen.has(team.id)) continue;
      seen.add(team.id);
      out.push({
        id: team.id,
        name: team.name,
        kind: team.kind,
        parentId: team.parentId,
        position: team.position,
        depth,
        staffCount: team._count.staff,
        childCount: byParent.get(team.id)?.length ?? 0,
      });
      walk(team.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The team and every team below it (one recursive query; depth-capped against a stray cycle). */
export async function teamAndDescendantIds(db: DbOrTx, teamId: number): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ id: number | bigint }>>`
    WITH RECURSIVE sub (id, depth) AS (
      SELECT id, 0 FROM \`Team\` WHERE id = ${teamId}
      UNION ALL
      SELECT t.id, sub.depth + 1 FROM \`Team\` t JOIN sub ON t.parentId = sub.id WHERE sub.depth < 32
    )
    SELECT DISTINCT id FROM sub`;
  return rows.map((r) => Number(r.id));
}

const optionalParent = z
  .union([z.literal(""), z.coerce.number().int().positive().max(2_147_483_647)])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

export const TeamInputSchema = z.object({
  name: trimmedText(100),
  kind: z.enum(TEAM_KINDS, msg("validation.choose")),
  parentId: optionalParent,
  position: z.coerce.number(msg("validation.number")).int(msg("validation.number")).min(0).max(9999).default(0),
});
export type TeamInput = z.output<typeof TeamInputSchema>;

type TeamField = "name" | "kind" | "parentId" | "position";

async function nameTaken(db: DbOrTx, name: string, exceptId?: number) {
  const other = await db.team.findUnique({ where: { name }, select: { id: true } });
  return other !== null && other.id !== exceptId;
}

export async function createTeam(
  db: Db,
  actor: StaffActor,
  input: TeamInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, TeamField>> {
  if (await nameTaken(db, input.name)) return invalid({ name: ["adminStaff.team.error.nameTaken"] });
  if (input.parentId !== null && !(await db.team.findUnique({ where: { id: input.parentId }, select: { id: true } })))
    return invalid({ parentId: ["adminStaff.team.error.parent"] });
  const team = await db.$transaction(async (tx) => {
    const created = await tx.team.create({ data: input });
    await recordStaffAudit(tx, actor, {
      action: "team.created",
      entityType: "Team",
      entityId: created.id,
      after: { ...input },
      ipAddress: meta.ipAddress ?? null,
    });
    return created;
  });
  return ok({ id: team.id });
}

/**
 * Renames, re-kinds, re-orders or moves a team. Moving it under itself or under one of its own
 * descendants would make a cycle (and every scope walk endless): refused, nothing changed.
 */
export async function updateTeam(
  db: Db,
  actor: StaffActor,
  teamId: number,
  input: TeamInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, TeamField>> {
  return db.$transaction(async (tx) => {
    // Lock the team rows the check reads, so two concurrent moves cannot each pass and close a loop.
    await tx.$queryRaw`SELECT id FROM \`Team\` FOR UPDATE`;
    const before = await tx.team.findUnique({ where: { id: teamId } });
    if (!before) return notFound();
    if (await nameTaken(tx, input.name, teamId)) return invalid({ name: ["adminStaff.team.error.nameTaken"] });
    if (input.parentId !== null) {
      const parent = await tx.team.findUnique({ where: { id: input.parentId }, select: { id: true } });
      if (!parent) return invalid({ parentId: ["adminStaff.team.error.parent"] });
      const below = await teamAndDescendantIds(tx, teamId);
      if (below.includes(input.parentId)) return invalid({ parentId: ["adminStaff.team.error.cycle"] });
    }
    await tx.team.update({ where: { id: teamId }, data: input });
    await recordStaffAudit(tx, actor, {
      action: "team.updated",
      entityType: "Team",
      entityId: teamId,
      before: { name: before.name, kind: before.kind, parentId: before.parentId, position: before.position },
      after: { ...input },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ id: teamId });
  });
}

/** Deletes an empty team (no staff, no sub-teams); anything else is a conflict the page explains. */
export async function deleteTeam(
  db: Db,
  actor: StaffActor,
  teamId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({
      where: { id: teamId },
      select: { id: true, name: true, _count: { select: { staff: true, children: true } } },
    });
    if (!team) return notFound();
    if (team._count.staff > 0 || team._count.children > 0) return conflict("adminStaff.team.error.notEmpty");
    await tx.team.delete({ where: { id: teamId } });
    await recordStaffAudit(tx, actor, {
      action: "team.deleted",
      entityType: "Team",
      entityId: teamId,
      before: { name: team.name },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ id: teamId });
  });
}

/** A team with its members, for the team page. */
export async function getTeam(db: DbOrTx, teamId: number) {
  return db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      kind: true,
      parentId: true,
      position: true,
      parent: { select: { id: true, name: true } },
      children: { select: { id: true, name: true, kind: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
      staff: { select: { id: true, name: true, email: true, title: true, status: true }, orderBy: { name: "asc" } },
    },
  });
}
