import { beforeEach, describe, expect, it } from "vitest";
import type { MemberLevel, MemberStatus } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import type { MemberPrincipal } from "#app/modules/members/member-guard.server.ts";
import { createTestArticle } from "#tests/factories/knowledge.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getArticleForReader } from "./knowledge-articles.server.ts";
import { knowledgeReaderFor } from "./knowledge-reader.server.ts";
import { knowledgeCategories, searchKnowledge } from "./knowledge-search.server.ts";
import { canRead, visibleTiers, type KnowledgeReader } from "./knowledge-visibility.ts";

// The visibility matrix of decision 020: who reads which solution, checked on the single-article read,
// on browsing (database) and on the category counts.

function principalOf(
  member: {
    id: number;
    email: string;
    nickname: string;
    level: MemberLevel;
    status: MemberStatus;
    companyId: number | null;
  },
  audience?: MemberPrincipal["audience"],
): MemberPrincipal {
  return {
    sessionId: "test",
    member: { ...member, realNameVerified: true, contactId: null },
    audience: audience ?? member.level,
    verificationPending: audience === "visitor",
  };
}

function staffPrincipal(id: number, grants: StaffPrincipal["grants"]): StaffPrincipal {
  return {
    sessionId: "test",
    staff: { id, name: "客服", email: "csr@test.relay", status: "active", teamId: null, teamName: null },
    roleNames: [],
    isAdmin: false,
    grants,
  };
}

type Label = "public" | "members" | "customers" | "internal" | "draft";

async function seedArticles() {
  const ids: Record<Label, number> = {
    public: (await createTestArticle(db, { visibility: "public", category: "平衡机", summary: "公开" })).id,
    members: (await createTestArticle(db, { visibility: "members", category: "平衡机", summary: "会员" })).id,
    customers: (await createTestArticle(db, { visibility: "customers", category: "振动", summary: "客户" })).id,
    internal: (await createTestArticle(db, { visibility: "internal", category: "内部", summary: "内部" })).id,
    draft: (await createTestArticle(db, { visibility: "public", status: "draft", category: "草稿", summary: "草稿" }))
      .id,
  };
  return ids;
}

async function readers() {
  const { company, zone } = await createTestZone(db);
  const prospect = (await createTestMember(db, { level: "prospect" })).member;
  const customerLevel = (await createTestMember(db, { level: "customer" })).member;
  // A prospect-level member who is confirmed into their company's zone counts as a customer.
  const zoneMember = (await createZoneMember(db, company.id, { zoneId: zone.id })).member;
  await db.member.update({ where: { id: zoneMember.id }, data: { level: "prospect" } });
  // Half-confirmed membership: not (yet) a customer.
  const requested = (await createZoneMember(db, company.id, { zoneId: zone.id, status: "customer_confirmed" })).member;
  await db.member.update({ where: { id: requested.id }, data: { level: "prospect" } });
  const suspended = (await createTestMember(db, { level: "customer", status: "suspended" })).member;

  const staffWithBrowse = staffPrincipal(1, { knowledge: { browse: "all" } });
  const staffWithout = staffPrincipal(2, { leads: { browse: "own" } });

  const r = async (who: Parameters<typeof knowledgeReaderFor>[1]) => knowledgeReaderFor(db, who);
  return {
    visitor: await r({}),
    prospect: await r({ member: principalOf(prospect) }),
    verificationPending: await r({ member: principalOf(customerLevel, "visitor") }),
    customerLevel: await r({ member: principalOf(customerLevel) }),
    zoneMember: await r({ member: principalOf({ ...zoneMember, level: "prospect", companyId: company.id }) }),
    halfConfirmed: await r({ member: principalOf({ ...requested, level: "prospect", companyId: company.id }) }),
    suspended: await r({ member: principalOf(suspended) }),
    staff: await r({ staff: staffWithBrowse }),
    staffWithoutGrant: await r({ staff: staffWithout }),
  } satisfies Record<string, KnowledgeReader>;
}

const EXPECTED: Record<string, Label[]> = {
  visitor: ["public"],
  prospect: ["public", "members"],
  verificationPending: ["public"],
  customerLevel: ["public", "members", "customers"],
  zoneMember: ["public", "members", "customers"],
  halfConfirmed: ["public", "members"],
  suspended: ["public"],
  staff: ["public", "members", "customers", "internal", "draft"],
  staffWithoutGrant: ["public"],
};

describe("knowledge visibility", () => {
  beforeEach(() => resetDatabase());

  it("pure rules: tiers widen visitor → member → customer → staff; drafts only for staff", () => {
    expect(visibleTiers({ kind: "visitor" })).toEqual(["public"]);
    expect(visibleTiers({ kind: "member", memberId: 1, customer: false })).toEqual(["public", "members"]);
    expect(visibleTiers({ kind: "member", memberId: 1, customer: true })).toEqual(["public", "members", "customers"]);
    expect(canRead({ kind: "member", memberId: 1, customer: true }, { visibility: "public", status: "draft" })).toBe(
      false,
    );
    expect(canRead({ kind: "staff", staffId: 1 }, { visibility: "internal", status: "draft" })).toBe(true);
  });

  it("applies the matrix to single reads and to browsing, for every kind of reader", async () => {
    const ids = await seedArticles();
    const all = await readers();
    const byId = new Map(Object.entries(ids).map(([label, id]) => [id, label as Label]));

    for (const [name, reader] of Object.entries(all)) {
      const expected = EXPECTED[name]!;
      const readable: Label[] = [];
      for (const [label, id] of Object.entries(ids) as Array<[Label, number]>) {
        if (await getArticleForReader(db, reader, id)) readable.push(label);
      }
      expect({ name, readable }).toEqual({ name, readable: expected });

      const listed = await searchKnowledge(db, reader, { pageSize: 50 });
      expect({ name, listed: listed.items.map((i) => byId.get(i.id)).sort() }).toEqual({
        name,
        listed: [...expected].sort(),
      });
      expect(listed.total).toBe(expected.length);
    }
  }, 60_000);

  it("category counts only count what the reader may see", async () => {
    await seedArticles();
    const all = await readers();
    expect(await knowledgeCategories(db, all.visitor)).toEqual([{ category: "平衡机", count: 1 }]);
    expect(await knowledgeCategories(db, all.customerLevel)).toEqual([
      { category: "平衡机", count: 2 },
      { category: "振动", count: 1 },
    ]);
    expect((await knowledgeCategories(db, all.staff)).map((c) => c.category).sort()).toEqual(
      ["内部", "平衡机", "振动", "草稿"].sort(),
    );
  });

  it("a staff filter can only narrow what the reader sees, never widen it", async () => {
    const ids = await seedArticles();
    const visitor: KnowledgeReader = { kind: "visitor" };
    const widened = await searchKnowledge(db, visitor, { visibility: "internal", status: "draft" });
    expect(widened.items).toEqual([]);
    const staff: KnowledgeReader = { kind: "staff", staffId: 1 };
    const drafts = await searchKnowledge(db, staff, { status: "draft" });
    expect(drafts.items.map((i) => i.id)).toEqual([ids.draft]);
  });
});
