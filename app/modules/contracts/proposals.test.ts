import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createSalesCompany } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getProposal } from "./proposal-read.server.ts";
import { addRefPart, createProposal, movePart, saveTextPart } from "./proposals.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

async function rep() {
  const grants = (["opportunities", "companies"] as const).flatMap((module) =>
    (["browse", "add", "modify"] as const).map((action) => ({ module, action, scope: "own" as const })),
  );
  const { staff } = await createTestStaff(db, { grants });
  return { staff, actor: staffActorFor(staff, { grants: mergeGrants(grants) }) };
}

describe("proposals", { timeout: 60_000 }, () => {
  it("assembles ordered parts from a template, text and material the author may see", async () => {
    const me = await rep();
    const other = await rep();
    const company = await createSalesCompany(db, { ownerId: me.staff.id });
    const template = await db.documentTemplate.create({
      data: { kind: "proposal", name: "建议书", parts: { create: [{ position: 0, title: "背景", body: "现状" }] } },
    });
    const created = await createProposal(db, me.actor, {
      title: "产线改造建议书",
      companyId: company.id,
      templateId: template.id,
    });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    const id = created.value.id;
    const product = await db.product.create({
      data: { sku: "AC-1", name: "空压机", unitPrice: "5000.00", description: "螺杆式空压机" },
    });
    expect((await addRefPart(db, me.actor, id, { kind: "product", refId: product.id })).status).toBe("ok");
    expect((await saveTextPart(db, me.actor, id, { partId: null, title: "方案", body: "两台空压机" })).status).toBe(
      "ok",
    );
    // a contract the author may not see is refused
    const theirs = await db.salesContract.create({
      data: { number: "CTRT-X", name: "别人的合同", companyId: company.id, ownerId: other.staff.id, typeCode: "new" },
    });
    expect(await addRefPart(db, me.actor, id, { kind: "contract", refId: theirs.id })).toMatchObject({
      status: "invalid",
    });
    const third = (await getProposal(db, me.actor, id))!.proposal.parts[2]!;
    expect((await movePart(db, me.actor, id, { partId: third.id, direction: "up" })).status).toBe("ok");
    const page = await getProposal(db, me.actor, id);
    expect(page?.proposal.parts.map((p) => [p.kind, p.title])).toEqual([
      ["text", "背景"],
      ["text", "方案"],
      ["product", "空压机 (AC-1)"],
    ]);
    expect(page?.proposal.parts[2]).toMatchObject({ text: "螺杆式空压机" });
    // another salesperson neither sees nor changes it
    expect(await getProposal(db, other.actor, id)).toBeNull();
    expect(await saveTextPart(db, other.actor, id, { partId: null, title: "x", body: "" })).toMatchObject({
      status: "not-found",
    });
  });
});
