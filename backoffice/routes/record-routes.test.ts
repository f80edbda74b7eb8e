import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestAsset, createTestZone } from "#tests/factories/zones.ts";
import { get, outcome, post, staffCookie } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as assetAction, loader as assetLoader } from "./asset-detail.tsx";

// Record pages through their routes: the notes/tasks widgets' intents and the flash after a save.

beforeEach(() => resetDatabase());

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
