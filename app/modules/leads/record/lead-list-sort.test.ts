import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createTestLead, createTestTeam, leadActor } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { distributeLeadTx } from "../distribution/lead-distribution.server.ts";
import {
  countLeads,
  decodeLeadCursor,
  encodeLeadCursor,
  listLeads,
  type LeadCursor,
  type LeadSort,
  type LeadTab,
} from "./lead-queries.server.ts";

// Sorting the lead list by company / contact with a (column, id) keyset, across both scope
// alternatives (own leads and leads distributed to the viewer), and the capped total.

async function walk(viewer: StaffActor, tab: LeadTab, sort: LeadSort, take = 2) {
  const pages: number[][] = [];
  let after: LeadCursor | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listLeads(db, viewer, { tab, after, sort, take });
    pages.push(page.items.map((i) => i.id));
    if (!page.next) break;
    after = page.next;
  }
  return pages;
}

async function walkBack(viewer: StaffActor, tab: LeadTab, sort: LeadSort, from: LeadCursor, take = 2) {
  const ids: number[] = [];
  let before: LeadCursor | null = from;
  for (let guard = 0; guard < 50 && before; guard++) {
    const page = await listLeads(db, viewer, { tab, before, sort, take });
    ids.unshift(...page.items.map((i) => i.id));
    before = page.prev;
  }
  return ids;
}

describe("lead list sorting", () => {
  let viewer: StaffActor;
  const byName = new Map<string | null, number[]>();
  let names: Array<{ id: number; company: string | null }> = [];

  beforeAll(async () => {
    await resetDatabase();
    const team = await createTestTeam(db);
    const me = await createTestSalesperson(db, { teamId: team.id });
    const other = await createTestSalesperson(db, { teamId: team.id });
    viewer = leadActor({ id: me.id, teamId: team.id }, "own");
    const companies = ["北京星辰", null, "Acme", "北京星辰", "acme", null, "深圳海风", "Zeta"];
    names = [];
    for (const [i, company] of companies.entries()) {
      // Every third lead belongs to a colleague and is distributed to me: the second alternative.
      const owner = i % 3 === 2 ? other.id : me.id;
      const lead = await createTestLead(db, { ownerId: owner, companyName: company, status: "contacted" });
      if (owner === other.id) {
        await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(me.id)], other.id));
      }
      names.push({ id: lead.id, company });
      byName.set(company, [...(byName.get(company) ?? []), lead.id]);
    }
    // Someone else's lead, not given to me: never listed, never counted.
    await createTestLead(db, { ownerId: other.id, companyName: "Aaa 不可见" });
  });

  async function expectedOrder(dir: "asc" | "desc") {
    // MariaDB's own collation order (case-insensitive), NULLs first ascending.
    const rows = await db.$queryRawUnsafe<Array<{ id: number }>>(
      `SELECT id FROM Lead WHERE id IN (${names.map((n) => n.id).join(",")}) ORDER BY companyName ${dir}, id ${dir}`,
    );
    return rows.map((r) => Number(r.id));
  }

  it("pages by company ascending and descending without skipping or repeating, across both alternatives", async () => {
    for (const dir of ["asc", "desc"] as const) {
      const pages = await walk(viewer, "all", { key: "company", dir });
      const flat = pages.flat();
      expect(flat).toEqual(await expectedOrder(dir));
      expect(new Set(flat).size).toBe(names.length);
      expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
    }
  });

  it("walks back from the last page to the same order", async () => {
    const sort: LeadSort = { key: "company", dir: "asc" };
    const pages = await walk(viewer, "all", sort, 3);
    expect(pages.length).toBeGreaterThan(2);
    let after: LeadCursor | null = null;
    for (let i = 0; i < pages.length - 1; i++) {
      after = (await listLeads(db, viewer, { tab: "all", sort, take: 3, after })).next;
    }
    const last = await listLeads(db, viewer, { tab: "all", sort, take: 3, after });
    expect(last.items.map((i) => i.id)).toEqual(pages.at(-1));
    expect(last.next).toBeNull();
    expect(await walkBack(viewer, "all", sort, last.prev!, 3)).toEqual(pages.slice(0, -1).flat());
  });

  it("cursors survive the URL, NULL and non-ASCII keys included", () => {
    const cases: LeadCursor[] = [
      { id: 12, seen: false },
      { id: 7, seen: true, key: null },
      { id: 99, seen: false, key: "北京星辰 & Co./?" },
    ];
    for (const cursor of cases) {
      for (const direction of ["after", "before"] as const) {
        const text = encodeLeadCursor(direction, cursor);
        expect(text).toMatch(/^[\w.~-]+$/);
        expect(decodeLeadCursor(text)).toEqual({ direction, cursor });
      }
    }
    expect(decodeLeadCursor("x1.2")).toBeNull();
    expect(decodeLeadCursor("a0.0")).toBeNull();
    expect(decodeLeadCursor("a0.99999999999")).toBeNull();
    expect(decodeLeadCursor(null)).toBeNull();
  });

  it("counts what the list shows, exactly below the cap and capped above it", async () => {
    expect(await countLeads(db, viewer, { tab: "all" })).toEqual({ count: names.length, capped: false });
    expect(await countLeads(db, viewer, { tab: "all" }, 5)).toEqual({ count: 5, capped: true });
    expect(await countLeads(db, viewer, { tab: "all", filters: { q: "北京" } })).toEqual({ count: 2, capped: false });
    expect(await countLeads(db, viewer, { tab: "mine" })).toEqual({ count: 0, capped: false });
    expect(
      await countLeads(db, leadActor({ id: viewer.staffId, teamId: viewer.teamId }, null), { tab: "all" }),
    ).toEqual({ count: 0, capped: false });
  });
});
