import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestServiceRequest } from "#tests/factories/knowledge.ts";
import { createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { searchPublishedZoneRequests } from "./zone-search.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("zone search of published requests", () => {
  it("finds this zone's published requests holding every word, never another zone's or drafts", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const base = { companyId: a.company.id, zoneId: a.zone.id, publishedAt: new Date() };
    const hit = await createTestServiceRequest(db, {
      ...base,
      subject: "平衡机 校准失败",
      solutionHtml: "<p>重新<strong>标定</strong>传感器后恢复正常，问题不再出现，客户确认可以继续生产。</p>",
    });
    await createTestServiceRequest(db, { ...base, subject: "平衡机 异响" });
    await createTestServiceRequest(db, { ...base, publishedAt: null, subject: "平衡机 校准 草稿" });
    await createTestServiceRequest(db, {
      companyId: b.company.id,
      zoneId: b.zone.id,
      publishedAt: new Date(),
      subject: "平衡机 校准 乙方",
    });

    const found = await searchPublishedZoneRequests(db, a.zone, "平衡机  校准");
    expect(found.map((r) => r.id)).toEqual([hit.id]);
    expect(found[0]?.snippet).toContain("重新标定传感器");
    expect(await searchPublishedZoneRequests(db, a.zone, "   ")).toEqual([]);
  });
});
