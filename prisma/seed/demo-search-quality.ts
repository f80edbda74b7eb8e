import type { Db } from "#app/lib/db.server.ts";
import { joinSynonymTerms } from "#search/synonyms.server.ts";

// Search quality demo data (issue #14 item 5, decision 039): a few synonym groups staff would keep
// for the demo's solutions, and counts of searches that find them, so 热门搜索 has something real to
// show on a fresh demo. Idempotent: groups are matched by their terms, counts are set, not added.

const SYNONYM_GROUPS: readonly string[][] = [
  ["开不了机", "无法开机", "开机失败"],
  ["标定", "校准", "calibration"],
  ["报警", "告警", "报错"],
];

/** Searches the demo's solutions answer, with how often "people" searched them. */
const SEARCH_COUNTS: ReadonlyArray<[string, number]> = [
  ["平衡机", 14],
  ["校准", 9],
  ["开机", 7],
  ["电池", 4],
];

export async function seedDemoSearchQuality(db: Db): Promise<void> {
  for (const group of SYNONYM_GROUPS) {
    const terms = joinSynonymTerms(group);
    const existing = await db.searchSynonym.findFirst({ where: { scope: "knowledge", terms }, select: { id: true } });
    if (!existing) await db.searchSynonym.create({ data: { scope: "knowledge", terms } });
  }
  for (const [query, count] of SEARCH_COUNTS) {
    await db.searchQueryStat.upsert({
      where: { scope_query: { scope: "knowledge", query } },
      create: { scope: "knowledge", query, count, lastHits: 1 },
      update: { count, lastHits: 1 },
    });
  }
}
