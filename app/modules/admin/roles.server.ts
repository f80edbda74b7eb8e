import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { msg, optionalText, trimmedText } from "#app/lib/schemas.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { ACTIONS, MODULES, SCOPES, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// 角色管理 (seed §2.P.3, #16 item 3): roles, their module × action × scope matrix and their members.
// Every change is one transaction with its audit row (before/after). Nothing is cached anywhere: the
// principal is loaded per request, so a saved matrix applies to the members' very next request.

export interface RoleSummary {
  id: number;
  code: string;
  name: string;
  description: string | null;
  isAdmin: boolean;
  memberCount: number;
  grantCount: number;
}

export async function listRoles(db: DbOrTx): Promise<RoleSummary[]> {
  const roles = await db.role.findMany({
    orderBy: [{ isAdmin: "desc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      isAdmin: true,
      _count: { select: { staff: true, permissions: true } },
    },
  });
  return roles.map(({ _count, ...r }) => ({ ...r, memberCount: _count.staff, grantCount: _count.permissions }));
}

/** The matrix as a map "module.action" → scope; a missing cell is "no permission". */
export type Matrix = Partial<Record<`${Module}.${Action}`, Scope>>;

export function cellKey(module: Module, action: Action): `${Module}.${Action}` {
  return `${module}.${action}`;
}

function matrixOf(rows: ReadonlyArray<{ module: string; action: Action; scope: Scope }>): Matrix {
  const matrix: Matrix = {};
  for (const row of rows) {
    if ((MODULES as readonly string[]).includes(row.module))
      matrix[cellKey(row.module as Module, row.action)] = row.scope;
  }
  return matrix;
}

export async function getRole(db: DbOrTx, roleId: number) {
  const role = await db.role.findUnique({
    where: { id: roleId },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      isAdmin: true,
      permissions: { select: { module: true, action: true, scope: true } },
      staff: {
        select: {
          staff: {
            select: {
              id: true,
              name: true,
              email: true,
              status: true,
              team: { select: { name: true } },
              permissionOverrides: {
                select: { id: true, module: true, action: true, scope: true },
                orderBy: [{ module: "asc" }, { action: "asc" }],
              },
            },
          },
        },
        orderBy: { staff: { name: "asc" } },
      },
    },
  });
  if (!role) return null;
  const { permissions, staff, ...rest } = role;
  return { ...rest, matrix: matrixOf(permissions), members: staff.map((s) => s.staff) };
}

/** Active staff who do not hold the role yet (the "add member" choices). */
export async function staffWithoutRole(db: DbOrTx, roleId: number) {
  return db.staff.findMany({
    where: { status: { not: "inactive" }, roles: { none: { roleId } } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

// ───────────────────────────── Create, rename, delete ─────────────────────────────

export const RoleForm = z.object({
  name: trimmedText(100),
  description: optionalText(500),
});
export type RoleInput = z.output<typeof RoleForm>;

async function nameTaken(db: DbOrTx, name: string, exceptId?: number): Promise<boolean> {
  const other = await db.role.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  return other !== null;
}

export async function createRole(
  db: Db,
  actor: StaffActor,
  input: RoleInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, "name">> {
  return db.$transaction(async (tx) => {
    if (await nameTaken(tx, input.name)) return invalid({ name: [msg("adminRoles.error.nameTaken")] });
    const role = await tx.role.create({
      // The code is a stable technical key (seeds and tests refer to roles by it); custom roles get a random one.
      data: { code: `custom-${randomBytes(6).toString("hex")}`, name: input.name, description: input.description },
    });
    await recordStaffAudit(tx, actor, {
      action: "role.created",
      entityType: "Role",
      entityId: role.id,
      after: { name: role.name, description: role.description },
      ipAddress: meta.ipAddress,
    });
    return ok({ id: role.id });
  });
}

export async function updateRole(
  db: Db,
  actor: StaffActor,
  roleId: number,
  input: RoleInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, "name">> {
  return db.$transaction(async (tx) => {
    const role = await tx.role.findUnique({ where: { id: roleId } });
    if (!role) return notFound();
    if (await nameTaken(tx, input.name, roleId)) return invalid({ name: [msg("adminRoles.error.nameTaken")] });
    if (role.name === input.name && role.description === input.description) return ok({ id: roleId });
    await tx.role.update({ where: { id: roleId }, data: { name: input.name, description: input.description } });
    await recordStaffAudit(tx, actor, {
      action: "role.updated",
      entityType: "Role",
      entityId: roleId,
      before: { name: role.name, description: role.description },
      after: { name: input.name, description: input.description },
      ipAddress: meta.ipAddress,
    });
    return ok({ id: roleId });
  });
}

/** Deletes a role nobody holds; a role still assigned is refused with the member count. */
export async function deleteRole(
  db: Db,
  actor: StaffActor,
  roleId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ name: string }>> {
  return db.$transaction(async (tx) => {
    // Lock the role so an assignment racing the delete cannot slip in between count and delete.
    await tx.$queryRaw`SELECT id FROM \`Role\` WHERE id = ${roleId} FOR UPDATE`;
    const role = await tx.role.findUnique({
      where: { id: roleId },
      include: { permissions: true, _count: { select: { staff: true } } },
    });
    if (!role) return notFound();
    if (role._count.staff > 0) return conflict("adminRoles.error.roleInUse", { count: role._count.staff });
    await tx.role.delete({ where: { id: roleId } });
    await recordStaffAudit(tx, actor, {
      action: "role.deleted",
      entityType: "Role",
      entityId: roleId,
      before: { name: role.name, description: role.description, ...matrixOf(role.permissions) },
      ipAddress: meta.ipAddress,
    });
    return ok({ name: role.name });
  });
}

// ───────────────────────────── The matrix ─────────────────────────────

const CELL_VALUES = ["none", ...SCOPES] as const;

/**
 * Reads the matrix form: one field `m.<module>.<action>` per cell with none / own / team / all. A
 * cell missing from the form keeps no grant ("none"); an unknown value refuses the whole form.
 */
export function parseMatrix(form: FormData | URLSearchParams): ServiceResult<Matrix> {
  const matrix: Matrix = {};
  const errors: Record<string, ["adminRoles.error.invalidScope"]> = {};
  for (const module of MODULES) {
    for (const action of ACTIONS) {
      const field = `m.${module}.${action}`;
      const raw = form.get(field) ?? "none";
      if (typeof raw !== "string" || !(CELL_VALUES as readonly string[]).includes(raw)) {
        errors[field] = ["adminRoles.error.invalidScope"];
        continue;
      }
      if (raw !== "none") matrix[cellKey(module, action)] = raw as Scope;
    }
  }
  return Object.keys(errors).length > 0 ? invalid(errors) : ok(matrix);
}

/** Only the cells that differ, as audit before/after maps (none = absent). */
function matrixDiff(before: Matrix, after: Matrix) {
  const b: Record<string, string> = {};
  const a: Record<string, string> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof Matrix>);
  for (const key of keys) {
    if (before[key] !== after[key]) {
      b[key] = before[key] ?? "none";
      a[key] = after[key] ?? "none";
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length };
}

/** Replaces the role's matrix in one transaction; audits the cells that changed. */
export async function saveRoleMatrix(
  db: Db,
  actor: StaffActor,
  roleId: number,
  matrix: Matrix,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ changed: number }>> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`Role\` WHERE id = ${roleId} FOR UPDATE`;
    const role = await tx.role.findUnique({ where: { id: roleId }, include: { permissions: true } });
    if (!role) return notFound();
    const diff = matrixDiff(matrixOf(role.permissions), matrix);
    if (diff.changed === 0) return ok({ changed: 0 });
    await tx.rolePermission.deleteMany({ where: { roleId } });
    const rows: Prisma.RolePermissionCreateManyInput[] = [];
    for (const [key, scope] of Object.entries(matrix) as Array<[string, Scope]>) {
      const [module, action] = key.split(".") as [Module, Action];
      rows.push({ roleId, module, action, scope });
    }
    if (rows.length > 0) await tx.rolePermission.createMany({ data: rows });
    await tx.role.update({ where: { id: roleId }, data: { updatedAt: new Date() } });
    await recordStaffAudit(tx, actor, {
      action: "role.permissions",
      entityType: "Role",
      entityId: roleId,
      before: diff.before,
      after: diff.after,
      ipAddress: meta.ipAddress,
    });
    return ok({ changed: diff.changed });
  });
}

// ───────────────────────────── Members ─────────────────────────────

/** Active administrators other than `exceptStaffId` (so the last one cannot lock everyone out). */
async function otherActiveAdmins(tx: DbOrTx, exceptStaffId: number): Promise<number> {
  return tx.staff.count({
    where: { id: { not: exceptStaffId }, status: { not: "inactive" }, roles: { some: { role: { isAdmin: true } } } },
  });
}

export async function assignRole(
  db: Db,
  actor: StaffActor,
  roleId: number,
  staffId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<undefined, "staffId">> {
  return db.$transaction(async (tx) => {
    const [role, staff] = await Promise.all([
      tx.role.findUnique({ where: { id: roleId }, select: { id: true, name: true } }),
      tx.staff.findUnique({ where: { id: staffId }, select: { id: true, name: true, status: true } }),
    ]);
    if (!role) return notFound();
    if (!staff || staff.status === "inactive") return invalid({ staffId: [msg("adminRoles.error.noSuchStaff")] });
    const created =
      await tx.$executeRaw`INSERT IGNORE INTO \`StaffRole\` (staffId, roleId) VALUES (${staffId}, ${roleId})`;
    if (created > 0) {
      await recordStaffAudit(tx, actor, {
        action: "role.assigned",
        entityType: "Role",
        entityId: roleId,
        after: { staffId, staff: staff.name },
        ipAddress: meta.ipAddress,
      });
    }
    return ok();
  });
}

export async function unassignRole(
  db: Db,
  actor: StaffActor,
  roleId: number,
  staffId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<undefined>> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`Role\` WHERE id = ${roleId} FOR UPDATE`;
    const link = await tx.staffRole.findUnique({
      where: { staffId_roleId: { staffId, roleId } },
      include: { role: { select: { isAdmin: true } }, staff: { select: { name: true } } },
    });
    if (!link) return notFound();
    if (link.role.isAdmin && (await otherActiveAdmins(tx, staffId)) === 0) {
      return conflict("adminRoles.error.lastAdmin");
    }
    await tx.staffRole.delete({ where: { staffId_roleId: { staffId, roleId } } });
    await recordStaffAudit(tx, actor, {
      action: "role.unassigned",
      entityType: "Role",
      entityId: roleId,
      before: { staffId, staff: link.staff.name },
      ipAddress: meta.ipAddress,
    });
    return ok();
  });
}
