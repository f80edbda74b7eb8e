import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createIntakeCampaign, createIntakeStaff, createTokenGroupWith } from "#tests/factories/lead-intake.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  routeCategoryLead,
  routedByFromDb,
  routedByToDb,
  routeManualLead,
  type RoutableCategory,
  type RoutedBy,
} from "./lead-routing.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

const route = (category: RoutableCategory) => db.$transaction((tx) => routeCategoryLead(tx, category));

describe("routeCategoryLead", () => {
  it("takes the token group's next member and says so", async () => {
    const designated = await createIntakeStaff(db);
    const a = await createIntakeStaff(db, { status: "away" });
    const b = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: a.id }, { staffId: b.id }]);
    const decision = await route({ tokenGroupId: group.id, campaignId: null, designatedStaffId: designated.id });
    expect(decision).toMatchObject({
      owner: { id: b.id },
      routedBy: "token-group",
      tokenGroupId: group.id,
      position: 1,
      steps: [{ code: "token-turn", groupId: group.id, position: 1, cursorBefore: -1, staffId: b.id }],
      skipped: [{ staffId: a.id, position: 0, reason: "staff-away" }],
    });
  });

  it("walks the fallback chain: group → campaign owner (if active) → designated person", async () => {
    const designated = await createIntakeStaff(db, { status: "inactive" });
    const owner = await createIntakeStaff(db, { status: "away" });
    const nobody = await createIntakeStaff(db, { status: "away" });
    const campaign = await createIntakeCampaign(db, owner.id);
    const group = await createTokenGroupWith(db, [{ staffId: nobody.id, active: false }]);
    const category = { tokenGroupId: group.id, campaignId: campaign.id, designatedStaffId: designated.id };

    const viaDesignated = await route(category);
    expect(viaDesignated).toMatchObject({
      owner: { id: designated.id },
      routedBy: "default-owner",
      tokenGroupId: group.id,
      position: null,
      steps: [
        { code: "group-no-eligible", groupId: group.id },
        { code: "campaign-owner-unavailable", staffId: owner.id, status: "away" },
        { code: "designated", staffId: designated.id },
      ],
    });

    await db.staff.update({ where: { id: owner.id }, data: { status: "active" } });
    expect(await route(category)).toMatchObject({ owner: { id: owner.id }, routedBy: "campaign-owner" });

    await db.tokenGroupMember.updateMany({ where: { groupId: group.id }, data: { active: true } });
    await db.staff.update({ where: { id: nobody.id }, data: { status: "active" } });
    expect(await route(category)).toMatchObject({ owner: { id: nobody.id }, routedBy: "token-group" });
  });

  it("records the missing group and campaign when neither is bound", async () => {
    const designated = await createIntakeStaff(db);
    expect(await route({ tokenGroupId: null, campaignId: null, designatedStaffId: designated.id })).toMatchObject({
      owner: { id: designated.id },
      routedBy: "default-owner",
      tokenGroupId: null,
      steps: [{ code: "no-token-group" }, { code: "no-campaign" }, { code: "designated" }],
    });
  });
});

describe("routeManualLead", () => {
  it("accepts an active or away owner and refuses a deactivated or unknown one", async () => {
    const active = await createIntakeStaff(db);
    const away = await createIntakeStaff(db, { status: "away" });
    const gone = await createIntakeStaff(db, { status: "inactive" });
    const manual = (id: number) => db.$transaction((tx) => routeManualLead(tx, id));
    expect(await manual(active.id)).toMatchObject({
      owner: { id: active.id },
      routedBy: "manual",
      steps: [{ code: "manual" }],
    });
    expect(await manual(away.id)).toMatchObject({ owner: { id: away.id } });
    expect(await manual(gone.id)).toBeNull();
    expect(await manual(987_654)).toBeNull();
  });
});

describe("routedBy mapping", () => {
  it("round-trips between the API's names and the database enum", () => {
    for (const value of ["token-group", "campaign-owner", "default-owner", "manual"] as RoutedBy[]) {
      expect(routedByFromDb(routedByToDb(value))).toBe(value);
    }
    expect(routedByToDb("token-group")).toBe("token_group");
  });
});
