import type { APIRequestContext } from "@playwright/test";
import { fetchReply, inPool } from "./http.ts";
import type { Oracle, Principal, RecordType } from "./oracle.ts";
import { formUrls, isCrawlable, pageLinks, paramNames, patternOf, recordRefs, withId, type RecordRef } from "./urls.ts";

// The admin crawl (what exists) and the per-principal replay plan (what to ask for). The crawl
// follows every back-office link and GET form from the dashboard and the navigation, but opens at
// most `perPattern` pages of one route pattern: the others are known from the links and reached
// in the replay by putting their ids into the pattern.

export interface Crawl {
  /** Every back-office URL found in a link or form, by pattern (first found first). */
  byPattern: Map<string, string[]>;
  /** URLs the admin opened, with their status. */
  opened: Map<string, number>;
  /** Ids of each record type that appeared in any URL. */
  idsSeen: Map<RecordType, Set<number>>;
}

export interface CrawlOptions {
  seeds: readonly string[];
  perPattern: number;
  maxPages: number;
  /** Texts typed into search boxes: they match many records, so a list that ignores scope shows. */
  probes: readonly string[];
  concurrency: number;
}

export async function crawlAsAdmin(admin: APIRequestContext, oracle: Oracle, options: CrawlOptions): Promise<Crawl> {
  const byPattern = new Map<string, string[]>();
  const opened = new Map<string, number>();
  const idsSeen = new Map<RecordType, Set<number>>();
  const known = new Set<string>();
  const openedPerPattern = new Map<string, number>();
  const note = (url: string) => {
    if (known.has(url) || !isCrawlable(url)) return;
    known.add(url);
    const pattern = patternOf(url);
    byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), url]);
    for (const ref of recordRefs(url, oracle)) {
      if (!idsSeen.has(ref.type)) idsSeen.set(ref.type, new Set());
      idsSeen.get(ref.type)!.add(ref.id);
    }
  };
  let frontier = [...options.seeds];
  frontier.forEach(note);
  while (frontier.length > 0 && opened.size < options.maxPages) {
    const batch: string[] = [];
    for (const url of frontier) {
      const pattern = patternOf(url);
      const count = openedPerPattern.get(pattern) ?? 0;
      if (count >= options.perPattern || opened.has(url) || opened.size + batch.length >= options.maxPages) continue;
      openedPerPattern.set(pattern, count + 1);
      batch.push(url);
    }
    const found = await inPool(batch, options.concurrency, async (url) => {
      const reply = await fetchReply(admin, url);
      opened.set(url, reply.status);
      if (reply.status !== 200) return [];
      return [...pageLinks(reply.body), ...formUrls(reply.body, options.probes)];
    });
    const next = found.flat().filter((url) => !known.has(url));
    next.forEach(note);
    frontier = [...new Set(next)];
  }
  return { byPattern, opened, idsSeen };
}

export interface ReplayOptions {
  /** Per record pattern and principal: how many in-scope and out-of-scope ids to put in. */
  inScope: number;
  outOfScope: number;
  /** Per pattern without a record (lists, filters): how many of its URLs. */
  plain: number;
}

/** `count` items spread over `list` (first, last and between), so samples are not all neighbours. */
function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  if (count === 1) return [list[0]!];
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]!);
}

/** The substitutable record of a URL: its path record, else its first id parameter. */
function pivot(refs: readonly RecordRef[]): RecordRef | undefined {
  return refs.find((r) => r.via === "path" && r.type !== "admin") ?? refs.find((r) => r.via === "param" && !r.byNumber);
}

/** The URLs to request as `principal`: per pattern, in- and out-of-scope ids of its record, or a few of its URLs. */
export function replayPlan(crawl: Crawl, oracle: Oracle, principal: Principal, options: ReplayOptions): string[] {
  const plan = new Set<string>();
  for (const urls of crawl.byPattern.values()) {
    const reachable = urls.filter((u) => (crawl.opened.get(u) ?? 200) < 400);
    const template = reachable[0];
    if (!template) continue;
    const ref = pivot(recordRefs(template, oracle));
    if (!ref) {
      // one URL per distinct set of parameters (each filter, sort, search, page), up to `plain`
      const byNames = new Map<string, string>();
      for (const u of reachable) if (!byNames.has(paramNames(u))) byNames.set(paramNames(u), u);
      spread([...byNames.values()], options.plain).forEach((u) => plan.add(u));
      continue;
    }
    const ids = [...(crawl.idsSeen.get(ref.type) ?? [])].sort((a, b) => a - b);
    const mine = ids.filter((id) => oracle.visible(principal, ref.type, id));
    const others = ids.filter((id) => !oracle.visible(principal, ref.type, id));
    for (const id of [...spread(mine, options.inScope), ...spread(others, options.outOfScope)])
      plan.add(withId(template, ref, id));
  }
  return [...plan];
}
