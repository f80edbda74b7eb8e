import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createSeedExamplePeople } from "#tests/factories/matching.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { cookies, EN_COOKIE, get, outcome, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { setMatchIndexSyncInterval } from "#search/fuzzy/contact-index.server.ts";
import { loader as apiLoader } from "./api-contacts-match.ts";
import { loader as pageLoader } from "./contact-match.tsx";

// GET /crm/api/contacts/match and /crm/match, called as React Router would (no HTTP server).

beforeAll(() => setMatchIndexSyncInterval(0));
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  setMatchIndexSyncInterval(5000);
  await db.$disconnect();
});

const SEED_Q = `/crm/api/contacts/match?q=${encodeURIComponent("刘强 深圳 liu@xyz.com")}`;

type ApiRow = Record<string, unknown> & { id: number };

interface ApiBody {
  query: string;
  parsed: { name: string | null; city: string | null; email: string | null };
  candidates: Array<{
    id: number;
    number: string;
    name: string;
    company: string | null;
    city: string | null;
    email: string | null;
    phone: string | null;
    score: number;
    verdict: string;
    evidence: Array<{ code: string; field: string; label: string }>;
  }>;
  error?: string;
}

describe("GET /crm/api/contacts/match", () => {
  it("answers the seed example with the right person first, scores and labelled evidence", async () => {
    const people = await createSeedExamplePeople(db);
    const { cookie } = await signedInStaff({ grants: [{ module: "contacts", action: "browse", scope: "all" }] });
    const response = await apiLoader(get(SEED_Q, cookie));
    expect(response.status).toBe(200);
    const body = (await response.json()) as ApiBody;
    expect(body.query).toBe("刘强 深圳 liu@xyz.com");
    expect(body.parsed).toMatchObject({ name: "刘强", city: "深圳", email: "liu@xyz.com" });
    expect(body.candidates[0]).toMatchObject({
      id: people.target.id,
      number: people.target.number,
      name: "刘志强",
      company: "深圳讯驰科技有限公司",
      city: "深圳",
      email: "liu@xyz.com",
      phone: "13902661088",
      verdict: "same",
    });
    expect(body.candidates[0]!.evidence).toContainEqual({ code: "email_exact", field: "email", label: "邮箱完全一致" });
    expect(body.candidates.map((c) => c.id)).toEqual(
      expect.arrayContaining([people.namesake.id, people.homophone.id, people.elsewhere.id]),
    );
  });

  it("401 without a staff session, 403 without contacts × browse, both as localised JSON", async () => {
    const anonymous = await outcome(() => apiLoader(get(SEED_Q)));
    expect(anonymous.status).toBe(401);
    const { cookie } = await signedInStaff({ grants: [{ module: "leads", action: "browse", scope: "all" }] });
    const refused = await outcome(() => apiLoader(get(SEED_Q, cookies(cookie, EN_COOKIE))));
    expect(refused.status).toBe(403);
    expect(refused.headers?.get("Cache-Control")).toBe("private, no-store");
    const thrown = await apiLoader(get(SEED_Q, cookies(cookie, EN_COOKIE))).catch((r: unknown) => r as Response);
    expect(await thrown.json()).toMatchObject({ error: "forbidden", message: expect.stringContaining("role") });
  });

  it("400 with a localised message for an empty or too long q", async () => {
    const { cookie } = await signedInStaff({ isAdmin: true });
    const empty = await apiLoader(get("/crm/api/contacts/match?q=%20%20", cookie));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ApiBody).error).toBe("请输入要查找的人：姓名、城市、邮箱、电话或单位。");
    const missing = await apiLoader(get("/crm/api/contacts/match", cookies(cookie, EN_COOKIE)));
    expect(((await missing.json()) as ApiBody).error).toMatch(/^Enter the person/);
    const long = await apiLoader(get(`/crm/api/contacts/match?q=${"刘".repeat(201)}`, cookies(cookie, EN_COOKIE)));
    expect(long.status).toBe(400);
    expect(((await long.json()) as ApiBody).error).toBe("The query is too long (at most 200 characters).");
  });

  it("searches every contact but shows those outside the viewer's scope as name and owner only", async () => {
    const owner = await signedInStaff({ grants: [{ module: "contacts", action: "browse", scope: "own" }] });
    const other = await createTestStaff(db);
    const people = await createSeedExamplePeople(db, other.staff.id);
    await db.contact.update({ where: { id: people.homophone.id }, data: { ownerId: owner.staff.id } });
    const body = (await (await apiLoader(get(SEED_Q, owner.cookie))).json()) as { candidates: ApiRow[] };
    // The 96 % match is found although another rep owns it …
    expect(body.candidates[0]).toEqual({
      visible: false,
      id: people.target.id,
      name: "刘志强",
      owner: other.staff.name,
      score: expect.any(Number),
      verdict: "same",
    });
    // … and the viewer's own contact comes with its fields.
    expect(body.candidates.find((c) => c.id === people.homophone.id)).toMatchObject({
      visible: true,
      email: "liuqiang@163.com",
    });
  });
});

describe("/crm/match page loader", () => {
  it("shows the intro without q, a field error for an empty q, and ranked results for the example", async () => {
    const people = await createSeedExamplePeople(db);
    const { cookie } = await signedInStaff({ isAdmin: true });
    expect(await pageLoader(get("/crm/match", cookie))).toEqual({ q: "", error: null, result: null });
    expect(await pageLoader(get("/crm/match?q=", cookie))).toMatchObject({
      error: "matching.error.empty",
      result: null,
    });
    const page = await pageLoader(get(`/crm/match?q=${encodeURIComponent("刘强 深圳 liu@xyz.com")}`, cookie));
    expect(page.result?.candidates[0]).toMatchObject({ id: people.target.id, verdict: "same" });
  });
});
