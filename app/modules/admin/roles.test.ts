import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { can, scopeFor } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { actorOf, loadStaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { removeOverride, setOverride } from "./permission-overrides.server.ts";
import {
  assignRole,
  createRole,
  deleteRole,
  getRole,
  parseMatrix,
  saveRoleMatrix,
  unassignRole,
  updateRole,
} from "./roles.server.ts";

async function principalOf(staffId: number) {
  return actorOf((await loadStaffPrincipal(db, staffId, "test"))!);
}

describe("roles and the permission matrix", () => {
  beforeEach(() => resetDatabase());

  async function admin() {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    return staffActorFor(staff, { isAdmin: true });
  }

  it("creates, renames and refuses a duplicate name", async () => {
    const actor = await admin();
    const created = await createRole(db, actor, { name: "区域经理", description: null });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.value.id : 0;
    expect(await createRole(db, actor, { name: "区域经理", description: null })).toMatchObject({
      status: "invalid",
      fieldErrors: { name: ["adminRoles.error.nameTaken"] },
    });
    expect(await updateRole(db, actor, id, { name: "大区经理", description: "华北" })).toEqual({
      status: "ok",
      value: { id },
    });
    expect(await getRole(db, id)).toMatchObject({ name: "大区经理", description: "华北", matrix: {}, members: [] });
    expect(await updateRole(db, actor, 999_999, { name: "x", description: null })).toMatchObject({
      status: "not-found",
    });
    const audit = await db.auditLog.findMany({
      where: { entityType: "Role", entityId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["role.created", "role.updated"]);
    expect(audit[1]).toMatchObject({ before: { name: "区域经理" }, after: { name: "大区经理", description: "华北" } });
  });

  it("saves the matrix in one go, audits only the changed cells, and the next load sees it", async () => {
    const actor = await admin();
    const { staff, role } = await createTestStaff(db, {
      grants: [
        { module: "leads", action: "browse", scope: "own" },
        { module: "contacts", action: "browse", scope: "team" },
      ],
    });
    expect(scopeFor(await principalOf(staff.id), "leads", "browse")).toBe("own");

    const form = new URLSearchParams({
      "m.leads.browse": "all",
      "m.leads.approve": "team",
      "m.companies.recycle": "own",
      "m.contacts.browse": "team",
    });
    const parsed = parseMatrix(form);
    expect(parsed.status).toBe("ok");
    if (parsed.status !== "ok") return;
    expect(await saveRoleMatrix(db, actor, role.id, parsed.value)).toEqual({ status: "ok", value: { changed: 3 } });

    const next = await principalOf(staff.id);
    expect(scopeFor(next, "leads", "browse")).toBe("all");
    expect(scopeFor(next, "leads", "approve")).toBe("team");
    expect(scopeFor(next, "companies", "recycle")).toBe("own");
    expect(scopeFor(next, "contacts", "browse")).toBe("team");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "role.permissions" } });
    expect(audit.before).toEqual({ "leads.browse": "own", "leads.approve": "none", "companies.recycle": "none" });
    expect(audit.after).toEqual({ "leads.browse": "all", "leads.approve": "team", "companies.recycle": "own" });

    // Removing a cell: the very next load has no grant.
    const without = parseMatrix(new URLSearchParams({ "m.contacts.browse": "team" }));
    if (without.status === "ok") await saveRoleMatrix(db, actor, role.id, without.value);
    expect(can(await principalOf(staff.id), "leads", "browse")).toBe(false);
  });

  it("refuses an unknown scope without changing anything", async () => {
    expect(parseMatrix(new URLSearchParams({ "m.leads.browse": "everything" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { "m.leads.browse": ["adminRoles.error.invalidScope"] },
    });
  });

  it("refuses to delete a role still assigned, deletes it once empty", async () => {
    const actor = await admin();
    const { staff, role } = await createTestStaff(db, {
      grants: [{ module: "leads", action: "browse", scope: "own" }],
    });
    expect(await deleteRole(db, actor, role.id)).toEqual({
      status: "conflict",
      message: "adminRoles.error.roleInUse",
      details: { count: 1 },
    });
    expect(await db.role.count({ where: { id: role.id } })).toBe(1);
    expect(await unassignRole(db, actor, role.id, staff.id)).toEqual({ status: "ok", value: undefined });
    expect(await deleteRole(db, actor, role.id)).toMatchObject({ status: "ok" });
    expect(await db.role.count({ where: { id: role.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "role.deleted" } });
    expect(audit.before).toMatchObject({ "leads.browse": "own" });
  });

  it("assigns and unassigns staff; the last active administrator cannot leave the admin role", async () => {
    const { staff: onlyAdmin, role: adminRole } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(onlyAdmin, { isAdmin: true });
    const { staff: other } = await createTestStaff(db);
    expect(await unassignRole(db, actor, adminRole.id, onlyAdmin.id)).toMatchObject({
      status: "conflict",
      message: "adminRoles.error.lastAdmin",
    });
    expect(await assignRole(db, actor, adminRole.id, other.id)).toMatchObject({ status: "ok" });
    expect(await assignRole(db, actor, adminRole.id, other.id)).toMatchObject({ status: "ok" }); // idempotent
    expect((await principalOf(other.id)).isAdmin).toBe(true);
    expect(await unassignRole(db, actor, adminRole.id, onlyAdmin.id)).toMatchObject({ status: "ok" });
    expect(await assignRole(db, actor, adminRole.id, 999_999)).toMatchObject({ status: "invalid" });
    const actions = (await db.auditLog.findMany({ where: { entityType: "Role" } })).map((a) => a.action);
    expect(actions).toEqual(["role.assigned", "role.unassigned"]);
  });
});

describe("per-user overrides", () => {
  beforeEach(() => resetDatabase());

  it("grant widens or narrows, deny removes, removal restores the role's grant — on the next load", async () => {
    const { staff: a } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(a, { isAdmin: true });
    const { staff } = await createTestStaff(db, {
      grants: [
        { module: "leads", action: "browse", scope: "team" },
        { module: "leads", action: "modify", scope: "own" },
      ],
    });
    const deny = await setOverride(db, actor, { staffId: staff.id, module: "leads", action: "browse", effect: "deny" });
    await setOverride(db, actor, { staffId: staff.id, module: "leads", action: "modify", effect: "all" });
    await setOverride(db, actor, { staffId: staff.id, module: "reports", action: "export", effect: "own" });
    let p = await principalOf(staff.id);
    expect([scopeFor(p, "leads", "browse"), scopeFor(p, "leads", "modify"), scopeFor(p, "reports", "export")]).toEqual([
      null,
      "all",
      "own",
    ]);
    // Replacing the deny by a narrower grant, then removing it: back to the role's team scope.
    await setOverride(db, actor, { staffId: staff.id, module: "leads", action: "browse", effect: "own" });
    expect(scopeFor(await principalOf(staff.id), "leads", "browse")).toBe("own");
    if (deny.status === "ok") await removeOverride(db, actor, deny.value.id);
    p = await principalOf(staff.id);
    expect(scopeFor(p, "leads", "browse")).toBe("team");
    expect(await removeOverride(db, actor, 999_999)).toMatchObject({ status: "not-found" });
    const audit = await db.auditLog.findMany({ where: { entityType: "Staff", entityId: String(staff.id) } });
    expect(audit.map((r) => r.action)).toEqual([
      "permission.override.set",
      "permission.override.set",
      "permission.override.set",
      "permission.override.set",
      "permission.override.removed",
    ]);
    expect(audit[3]).toMatchObject({ before: { "leads.browse": "deny" }, after: { "leads.browse": "own" } });
  });
});
