import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { defaultSalesMethod } from "#app/modules/crm/opportunities/sales-stages.server.ts";
import { createSalesOpportunity } from "#tests/factories/sales.ts";
import { get, outcome, post, signedInStaff, statusOf } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action, loader } from "./sales-methods.tsx";

// The stage editor's route (decision 040): admin browse reads, admin modify writes; each intent answers
// with a redirect and flash, or the service's refusal tagged with the row that shows it.

const PATH = "/crm/admin/sales-methods";

describe("sales methods route", () => {
  beforeEach(() => resetDatabase());

  it("needs admin browse to read and admin modify to change", async () => {
    const browse = await signedInStaff({ grants: [{ module: "admin", action: "browse", scope: "all" }] });
    const page = await outcome(() => loader(get(PATH, browse.cookie)));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ methods: [{ isDefault: true, stages: expect.any(Array) }] });
    const method = await defaultSalesMethod(db);
    const add = {
      intent: "add-stage",
      methodId: String(method.id),
      nameZh: "试用",
      nameEn: "Trial",
      probability: "50",
      kind: "open",
    };
    expect(await statusOf(() => action(post(PATH, browse.cookie, add)))).toBe(403);
    const sales = await signedInStaff({ grants: [{ module: "opportunities", action: "browse", scope: "own" }] });
    expect(await statusOf(() => loader(get(PATH, sales.cookie)))).toBe(403);
    expect(await db.salesStage.count({ where: { nameZh: "试用" } })).toBe(0);
  });

  it("adds, reorders and refuses to delete a stage in use, naming the row", async () => {
    const admin = await signedInStaff({ isAdmin: true });
    const method = await defaultSalesMethod(db);
    const base = { methodId: String(method.id), nameZh: "试用", nameEn: "Trial", probability: "50", kind: "open" };
    const added = await outcome(() => action(post(PATH, admin.cookie, { intent: "add-stage", ...base, active: "on" })));
    expect(added).toMatchObject({ status: 302, location: `${PATH}?flash=flash.saved` });
    const stage = await db.salesStage.findFirstOrThrow({ where: { nameZh: "试用" } });
    expect(stage).toMatchObject({ sortOrder: 7, active: true, forecast: false });

    const up = await outcome(() =>
      action(post(PATH, admin.cookie, { intent: "stage-up", methodId: base.methodId, stageId: String(stage.id) })),
    );
    expect(up.status).toBe(302);
    expect((await db.salesStage.findUniqueOrThrow({ where: { id: stage.id } })).sortOrder).toBe(6);

    const opp = await createSalesOpportunity(db, { ownerId: admin.staff.id });
    await db.opportunity.update({ where: { id: opp.id }, data: { stageId: stage.id } });
    const refused = await outcome(() =>
      action(post(PATH, admin.cookie, { intent: "delete-stage", methodId: base.methodId, stageId: String(stage.id) })),
    );
    expect(refused).toMatchObject({ status: 409, body: { message: "stageEditor.error.inUse", row: String(stage.id) } });
    const bad = await outcome(() =>
      action(post(PATH, admin.cookie, { intent: "add-stage", ...base, probability: "abc" })),
    );
    expect(bad).toMatchObject({ status: 400, body: { row: `new-${method.id}` } });
    expect(await statusOf(() => action(post(PATH, admin.cookie, { intent: "nope" })))).toBe(400);
  });
});
