import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createSalesOpportunity, createSalesStaff } from "#tests/factories/sales.ts";
import { createTestAsset, createTestZone } from "#tests/factories/zones.ts";
import { get, outcome, post, staffCookie } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as assetAction, loader as assetLoader } from "./asset-detail.tsx";
import { action as opportunityAction, loader as opportunityLoader } from "./opportunity-detail.tsx";

// Record pages through their routes: the notes/tasks widgets' intents and the flash after a save.

beforeEach(() => resetDatabase());

describe("opportunity page", () => {
  it("adds a note and a task through the widget intents, refuses a stranger and bad input", async () => {
    const rep = await createSalesStaff(db, "sales");
    const stranger = await createSalesStaff(db, "sales");
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id });
    const path = `/crm/opportunities/${opp.id}`;
    const params = { opportunityId: String(opp.id) };
    const cookie = await staffCookie(rep.staff.id);

    expect((await outcome(() => opportunityLoader(get(path, cookie, params)))).status).toBe(200);
    expect((await outcome(() => opportunityLoader(get(path, cookie, { opportunityId: "abc" })))).status).toBe(404);
    const strangerCookie = await staffCookie(stranger.staff.id);
    expect(
      (await outcome(() => opportunityAction(post(path, strangerCookie, { intent: "note", body: "偷写" }, params))))
        .status,
    ).toBe(404);

    const empty = await outcome(() => opportunityAction(post(path, cookie, { intent: "note", body: " " }, params)));
    expect(empty).toMatchObject({ status: 400, body: { fieldErrors: { body: ["leadWork.error.required"] } } });
    const noted = await outcome(() =>
      opportunityAction(post(path, cookie, { intent: "note", body: "约了演示" }, params)),
    );
    expect(noted).toMatchObject({ status: 302, location: `${path}?flash=flash.records.noted` });
    const tasked = await outcome(() =>
      opportunityAction(post(path, cookie, { intent: "task", title: "准备报价", dueAt: "2030-01-10" }, params)),
    );
    expect(tasked.location).toBe(`${path}?flash=flash.records.taskAdded`);
    expect((await outcome(() => opportunityAction(post(path, cookie, { intent: "bogus" }, params)))).status).toBe(400);

    const page = (await opportunityLoader(get(path, cookie, params))) as Awaited<ReturnType<typeof opportunityLoader>>;
    expect(page.notes.map((n) => n.body)).toEqual(["约了演示"]);
    expect(page.tasks.map((t) => [t.title, t.assignee.id])).toEqual([["准备报价", rep.staff.id]]);
  });
});

describe("asset page", () => {
  it("logs maintenance with a flash and refuses an empty form (400) without writing", async () => {
    const { company, csr } = await createTestZone(db);
    const asset = await createTestAsset(db, company.id);
    const path = `/crm/assets/${asset.id}`;
    const params = { assetId: String(asset.id) };
    const cookie = await staffCookie(csr.staff.id);

    const page = await outcome(() => assetLoader(get(path, cookie, params)));
    expect(page).toMatchObject({ status: 200, body: { canModify: true } });
    const logged = await outcome(() =>
      assetAction(
        post(
          path,
          cookie,
          { intent: "maintenance", performedOn: "2026-05-02", method: "repair", summary: "换皮带" },
          params,
        ),
      ),
    );
    expect(logged).toMatchObject({ status: 302, location: `${path}?flash=flash.service.maintenanceLogged` });
    const refused = await outcome(() =>
      assetAction(
        post(path, cookie, { intent: "maintenance", performedOn: "", method: "repair", summary: "" }, params),
      ),
    );
    expect(refused.status).toBe(400);
    expect(await db.assetMaintenance.count({ where: { assetId: asset.id } })).toBe(1);
  });
});
