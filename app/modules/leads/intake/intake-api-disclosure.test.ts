import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createApiChannel, intakeRequest } from "#tests/factories/intake-api.ts";
import { createSalesCompany, createSalesContact, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { handleIntakePost } from "./intake-api.server.ts";

// Issue #13: channel keys sit in public web pages, so whoever reads one could ask the API "is this
// e-mail / phone / company a customer, and who looks after it?". The public answer is the lead's id
// and what happened to it; matches and the owner stay inside the CRM (the lead detail shows them).

const post = (request: Request) => handleIntakePost(request, { db, clientIp: "203.0.113.9" });

describe("intake API: the public answer discloses nothing the CRM knows", () => {
  beforeEach(() => resetDatabase());

  it("answers {id, status} even when the submission matches an existing contact and company", async () => {
    const { key } = await createApiChannel(db);
    const rep = await createSalesStaff(db, "sales");
    const company = await createSalesCompany(db, { name: "深圳星辰科技有限公司", ownerId: rep.staff.id });
    await createSalesContact(db, {
      fullName: "刘强",
      email: "liu@xyz.com",
      mobile: "13800138000",
      companyId: company.id,
      ownerId: rep.staff.id,
    });
    const payload = {
      contact: { name: "刘强", email: "liu@xyz.com", mobile: "13800138000" },
      company: { name: "深圳星辰科技有限公司", city: "深圳" },
    };
    const headers = { "Idempotency-Key": "probe-1" };

    const first = await post(intakeRequest(payload, { key: key.key, headers }));
    expect(first.status).toBe(201);
    const created = (await first.json()) as Record<string, unknown>;
    expect(Object.keys(created).sort()).toEqual(["id", "status"]);
    expect(created.status).toBe("created");

    // The CRM did match it: the lead row holds the matches, the answer does not.
    const lead = await db.lead.findUniqueOrThrow({ where: { id: created.id as number }, include: { owner: true } });
    expect(JSON.stringify(lead.matches)).toContain(String(company.id));
    const again = await post(intakeRequest(payload, { key: key.key, headers }));
    expect(again.status).toBe(200);
    const replayed = await again.text();
    expect(JSON.parse(replayed)).toEqual({ id: created.id, status: "replayed" });
    expect(replayed).not.toContain(lead.owner.name);
  });
});
