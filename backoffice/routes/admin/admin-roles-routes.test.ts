import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { ACTIONS, MODULES } from "#app/modules/auth/permissions.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { get, outcome, post, signedInStaff, staffCookie, statusOf } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as leadsLoader } from "../leads-inbox.tsx";
import { loader as exportLoader } from "./audit-export.ts";
import { action as auditAction, loader as auditLoader } from "./audit-log.tsx";
import { action as conflictsAction } from "./role-conflicts.tsx";
import { action as roleAction, loader as roleLoader } from "./role-detail.tsx";
import { action as overridesAction } from "./role-overrides.tsx";
import { action as rolesAction, loader as rolesLoader } from "./roles-list.tsx";

// Roles, overrides, conflicts and the audit log through their routes: the guard, the forms, and the
// promise that a change applies to the very next request of the people it concerns.

/** The whole matrix form of a role as the page posts it: every cell, "none" unless given. */
function matrixForm(cells: Record<string, string>): Array<[string, string]> {
  const form: Array<[string, string]> = [["intent", "matrix"]];
  for (const m of MODULES) for (const a of ACTIONS) form.push([`m.${m}.${a}`, cells[`${m}.${a}`] ?? "none"]);
  return form;
}

describe("admin roles routes", () => {
  beforeEach(() => resetDatabase());

  it("needs admin browse to read and admin modify to change", async () => {
    const browseOnly = await signedInStaff({ grants: [{ module: "admin", action: "browse", scope: "all" }] });
    expect(await statusOf(() => rolesLoader(get("/crm/admin/roles", browseOnly.cookie)))).toBe(200);
    expect(await statusOf(() => rolesAction(post("/crm/admin/roles", browseOnly.cookie, { name: "新角色" })))).toBe(
      403,
    );
    expect(await db.role.count({ where: { name: "新角色" } })).toBe(0);
    const sales = await signedInStaff({ grants: [{ module: "leads", action: "browse", scope: "own" }] });
    expect(await statusOf(() => auditLoader(get("/crm/admin/audit", sales.cookie)))).toBe(403);
    // Export needs admin export on top of browse.
    expect(await statusOf(() => exportLoader(get("/crm/admin/audit/export", browseOnly.cookie)))).toBe(403);
  });

  it("a permission removed in the matrix is refused on the user's very next request, and restored", async () => {
    const admin = await signedInStaff({ isAdmin: true });
    const { staff, role } = await createTestStaff(db, {
      grants: [
        { module: "leads", action: "browse", scope: "own" },
        { module: "leads", action: "add", scope: "own" },
      ],
    });
    const userCookie = await staffCookie(staff.id);
    const params = { roleId: String(role.id) };
    const path = `/crm/admin/roles/${role.id}`;
    expect(await statusOf(() => leadsLoader(get("/crm/leads", userCookie)))).toBe(200);

    const removed = await outcome(() =>
      roleAction(post(path, admin.cookie, matrixForm({ "leads.add": "own" }), params)),
    );
    expect(removed).toMatchObject({ status: 302, location: `${path}?flash=flash.saved` });
    // Same session, no sign-in again: refused.
    expect(await statusOf(() => leadsLoader(get("/crm/leads", userCookie)))).toBe(403);

    await roleAction(post(path, admin.cookie, matrixForm({ "leads.add": "own", "leads.browse": "own" }), params));
    expect(await statusOf(() => leadsLoader(get("/crm/leads", userCookie)))).toBe(200);

    const page = (await roleLoader(get(path, admin.cookie, params))) as { role: { matrix: Record<string, string> } };
    expect(page.role.matrix).toEqual({ "leads.add": "own", "leads.browse": "own" });
  });

  it("a personal deny is refused on the next request; removing it restores the role's grant", async () => {
    const admin = await signedInStaff({ isAdmin: true });
    const user = await signedInStaff({ grants: [{ module: "leads", action: "browse", scope: "own" }] });
    const set = await outcome(() =>
      overridesAction(
        post("/crm/admin/roles/overrides", admin.cookie, {
          intent: "set",
          staffId: String(user.staffId),
          module: "leads",
          action: "browse",
          effect: "deny",
        }),
      ),
    );
    expect(set.status).toBe(302);
    expect(await statusOf(() => leadsLoader(get("/crm/leads", user.cookie)))).toBe(403);
    const override = await db.staffPermissionOverride.findFirstOrThrow({ where: { staffId: user.staffId } });
    await overridesAction(
      post("/crm/admin/roles/overrides", admin.cookie, { intent: "remove", id: String(override.id) }),
    );
    expect(await statusOf(() => leadsLoader(get("/crm/leads", user.cookie)))).toBe(200);
    // Bad input: a clear 400, nothing stored.
    const bad = await outcome(() =>
      overridesAction(
        post("/crm/admin/roles/overrides", admin.cookie, {
          intent: "set",
          staffId: "x",
          module: "nope",
          action: "fly",
          effect: "all",
        }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(await db.staffPermissionOverride.count()).toBe(0);
  });

  it("refuses deleting a role still assigned with a localised 409, and an unknown scope with 400", async () => {
    const admin = await signedInStaff({ isAdmin: true });
    const { role } = await createTestStaff(db, { grants: [] });
    const params = { roleId: String(role.id) };
    const path = `/crm/admin/roles/${role.id}`;
    const refused = await outcome(() => roleAction(post(path, admin.cookie, { intent: "delete" }, params)));
    expect(refused).toMatchObject({
      status: 409,
      body: { status: "conflict", message: "adminRoles.error.roleInUse", details: { count: 1 } },
    });
    const bad = await outcome(() =>
      roleAction(post(path, admin.cookie, { intent: "matrix", "m.leads.browse": "galaxy" }, params)),
    );
    expect(bad.status).toBe(400);
    expect(await db.rolePermission.count({ where: { roleId: role.id } })).toBe(0);
    expect(await statusOf(() => roleLoader(get("/crm/admin/roles/999999", admin.cookie, { roleId: "999999" })))).toBe(
      404,
    );
    expect(await statusOf(() => roleLoader(get("/crm/admin/roles/abc", admin.cookie, { roleId: "abc" })))).toBe(404);
  });

  it("saves the conflict strategies from the settings page", async () => {
    const admin = await signedInStaff({ isAdmin: true });
    const saved = await outcome(() =>
      conflictsAction(post("/crm/admin/roles/conflicts", admin.cookie, { leads: "administrative", campaigns: "both" })),
    );
    expect(saved.status).toBe(302);
    expect(await db.permissionConflictPolicy.findMany({ orderBy: { module: "asc" } })).toMatchObject([
      { module: "campaigns", strategy: "both" },
      { module: "leads", strategy: "administrative" },
    ]);
    const bad = await outcome(() =>
      conflictsAction(post("/crm/admin/roles/conflicts", admin.cookie, { leads: "chaos" })),
    );
    expect(bad.status).toBe(400);
  });
});

describe("audit log routes", () => {
  beforeEach(() => resetDatabase());

  it("filters, pages by keyset both ways, exports CSV of the filter (audited) and saves the retention", async () => {
    const admin = await signedInStaff({ isAdmin: true });
    const other = await signedInStaff({ isAdmin: true });
    const rows = Array.from({ length: 120 }, (_, i) => ({
      actorType: "staff",
      actorId: i % 2 === 0 ? admin.staffId : other.staffId,
      action: "lead.edited",
      entityType: "Lead",
      entityId: String(1000 + (i % 3)),
      before: { requirement: `旧${i}` },
      after: { requirement: `新${i}` },
    }));
    await db.auditLog.createMany({ data: rows });

    type Page = {
      rows: Array<{ id: string; actorId: number; diff: unknown[]; href: string | null }>;
      links: Record<string, string | null>;
    };
    const first = (await auditLoader(get(`/crm/admin/audit?actor=${admin.staffId}`, admin.cookie))) as Page;
    expect(first.rows).toHaveLength(50);
    expect(first.rows.every((r) => r.actorId === admin.staffId)).toBe(true);
    expect(first.rows[0]).toMatchObject({
      diff: [{ field: "requirement", before: "旧118", after: "新118" }],
      href: "/crm/leads/1001",
    });
    const ids = first.rows.map((r) => BigInt(r.id));
    expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids);
    const second = (await auditLoader(get(first.links.next!, admin.cookie))) as Page;
    expect(second.rows).toHaveLength(10);
    expect(second.links.next).toBeNull();
    const back = (await auditLoader(get(second.links.prev!, admin.cookie))) as Page;
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));

    const record = (await auditLoader(
      get("/crm/admin/audit?entityType=Lead&entityId=1002&dir=asc", admin.cookie),
    )) as Page;
    expect(record.rows).toHaveLength(40);
    expect(BigInt(record.rows[0]!.id) < BigInt(record.rows[1]!.id)).toBe(true);
    const future = (await auditLoader(get("/crm/admin/audit?from=2999-01-01", admin.cookie))) as Page;
    expect(future.rows).toHaveLength(0);
    // Nonsense in the URL is ignored, never a 500.
    expect(
      await statusOf(() => auditLoader(get("/crm/admin/audit?actor=abc&from=yesterday&cursor=zzz", admin.cookie))),
    ).toBe(200);

    const csv = await exportLoader(get(`/crm/admin/audit/export?entityType=Lead&entityId=1000`, admin.cookie));
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte-order mark first, so Excel opens the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("id,time,actorType,actorId,actor,action,entityType,entityId,ip,changes");
    expect(lines).toHaveLength(41);
    expect(lines[1]).toContain("requirement: 旧117 → 新117");
    expect(await db.auditLog.findFirst({ where: { action: "audit.exported" } })).toMatchObject({
      actorId: admin.staffId,
      after: { entityType: "Lead", entityId: "1000" },
    });

    const saved = await outcome(() =>
      auditAction(post("/crm/admin/audit", admin.cookie, { intent: "retention", retentionDays: "30" })),
    );
    expect(saved.status).toBe(302);
    expect((await db.setting.findUniqueOrThrow({ where: { key: "audit.retentionDays" } })).value).toBe(30);
    const bad = await outcome(() =>
      auditAction(post("/crm/admin/audit", admin.cookie, { intent: "retention", retentionDays: "-3" })),
    );
    expect(bad.status).toBe(400);
  });
});
