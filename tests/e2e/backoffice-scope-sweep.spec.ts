import { expect, test, type APIRequestContext } from "@playwright/test";
import { crawlAsAdmin, replayPlan, type Crawl } from "./scope-sweep/crawl.ts";
import { fetchReply, inPool, staffSession } from "./scope-sweep/http.ts";
import { judge, type PrincipalView } from "./scope-sweep/judge.ts";
import { loadOracle, RECORD_TYPES, secretsFor, type Oracle } from "./scope-sweep/oracle.ts";
import { dataUrl, recordRefs } from "./scope-sweep/urls.ts";
import { en } from "#app/lib/i18n/messages/en/index.ts";
import { zhCN } from "#app/lib/i18n/messages/zh-CN/index.ts";

// BACK-OFFICE SCOPE SWEEP (issue #13 item 2, decision 032). The admin crawls every back-office page
// reachable from the dashboard and navigation on the demo data (links and GET forms, with prefill,
// pick and filter parameters as the pages write them). Each URL pattern is then requested, page and
// `.data`, by every other demo principal with ids inside and outside their scope, and each answer is
// judged against what the database says they may see (`scope-sweep/oracle.ts`, plain SQL, not the
// services' scope helpers): a record page outside scope answers 403/404, and no answer carries the
// name, number, e-mail or phone of a record outside scope. Read-only: GETs only, no demo data changes.

const PRINCIPALS = [
  { email: "sales@relay-demo.cn", label: "rep 李娜 (销售一部)" },
  { email: "liu.yang@relay-demo.cn", label: "rep 刘洋 (销售二部)" },
  { email: "wang.lei@relay-demo.cn", label: "manager 王磊 (销售一部)" },
  { email: "service@relay-demo.cn", label: "CSR 赵丽" },
  { email: "marketing@relay-demo.cn", label: "marketing 林晓雯" },
] as const;
const ADMIN = "admin@relay-demo.cn";
/** Record kinds the crawl must reach, or the sweep proves nothing about them (no threads in the demo). */
const MUST_REACH = RECORD_TYPES.filter((type) => type !== "thread" && type !== "admin");
const CONCURRENCY = 4;
/** The UI's own words in both locales (hints such as "e.g. ACNT000000000001" are not records). */
const UI_TEXTS = [...Object.values(zhCN), ...Object.values(en)];

// ~1.5 min on an idle 2-core machine, ~5.5 min at load 25 on the same two cores: the limits are for that.
test.describe.configure({ mode: "serial", timeout: 600_000 });

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

let oracle: Oracle;
let admin: APIRequestContext;
let crawl: Crawl;

function viewOf(email: string, label: string): PrincipalView {
  const principal = oracle.principals.get(email)!;
  return {
    label,
    visible: (type, id) => oracle.visible(principal, type, id),
    secrets: secretsFor(oracle, principal, UI_TEXTS),
  };
}

/** Requests `urls` (each page and, unless `pagesOnly`, its `.data`) through `ctx`, judging each answer with `view`. */
async function replay(ctx: APIRequestContext, view: PrincipalView, urls: readonly string[], pagesOnly = false) {
  const targets = urls.flatMap((url) =>
    pagesOnly ? [{ url, target: url }] : [url, dataUrl(url)].map((target) => ({ url, target })),
  );
  const problems = await inPool(targets, CONCURRENCY, async ({ url, target }) =>
    judge(view, target, recordRefs(url, oracle), await fetchReply(ctx, target)),
  );
  return { requests: targets.length, problems: problems.flat() };
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  oracle = await loadOracle();
  admin = await staffSession(baseURL, ADMIN);
  const started = Date.now();
  crawl = await crawlAsAdmin(admin, oracle, {
    seeds: ["/crm"],
    perPattern: 3,
    maxPages: 400,
    probes: ["有限公司", "1"],
    concurrency: CONCURRENCY,
  });
  const urls = [...crawl.byPattern.values()].reduce((n, list) => n + list.length, 0);
  console.log(
    `[scope-sweep] admin crawl: ${urls} URLs in ${crawl.byPattern.size} patterns, ${crawl.opened.size} opened, ${Date.now() - started} ms`,
  );
});

test.afterAll(async () => {
  await admin?.dispose();
});

test("the admin crawl reaches every kind of record", () => {
  for (const type of MUST_REACH) expect(crawl.idsSeen.get(type)?.size ?? 0, `${type} ids reached`).toBeGreaterThan(0);
});

test("positive control: the checker reports a leak when the answer ignores scope", async () => {
  const rep = PRINCIPALS[0];
  const view = viewOf(rep.email, rep.label);
  const principal = oracle.principals.get(rep.email)!;
  // On a crafted answer: a company outside 李娜's scope, rendered as if the query had no scope filter.
  const company = [...oracle.records.get("company")!.values()].find(
    (c) => !oracle.visible(principal, "company", c.id),
  )!;
  const url = `/crm/companies/${company.id}`;
  const refs = recordRefs(url, oracle);
  expect(judge(view, url, refs, { status: 200, body: `<h1>${company.strings[0]}</h1>` })).toHaveLength(2);
  expect(judge(view, url, refs, { status: 404, body: "<h1>未找到</h1>" })).toEqual([]);

  // Against the server: 李娜's plan requested with a session whose scope is "all" (the admin) must be
  // judged a leak, both as record pages not denied and as out-of-scope texts in lists.
  const plan = replayPlan(crawl, oracle, principal, { inScope: 0, outOfScope: 1, plain: 1 });
  const { problems } = await replay(admin, view, plan, true);
  console.log(
    `[scope-sweep] positive control: ${plan.length} URLs as admin judged as ${rep.label}: ${problems.length} leaks`,
  );
  expect(problems.some((p) => p.includes("outside their scope"))).toBe(true);
  expect(problems.some((p) => p.includes(" shows "))).toBe(true);
});

test("every demo principal gets only what their scope allows", async () => {
  const started = Date.now();
  // a page that fails for the admin hides what it would show: reported with the leaks
  const problems = [...crawl.opened].filter(([, status]) => status >= 500).map(([url, s]) => `admin ${url}: ${s}`);
  let requests = 0;
  let urls = 0;
  for (const { email, label } of PRINCIPALS) {
    const view = viewOf(email, label);
    const plan = replayPlan(crawl, oracle, oracle.principals.get(email)!, { inScope: 1, outOfScope: 2, plain: 3 });
    const ctx = await staffSession(baseURL, email);
    const result = await replay(ctx, view, plan);
    await ctx.dispose();
    urls += plan.length;
    requests += result.requests;
    problems.push(...result.problems);
    console.log(
      `[scope-sweep] ${label}: ${plan.length} URLs, ${result.requests} requests, ${view.secrets.size} secrets, ${result.problems.length} leaks`,
    );
  }
  console.log(
    `[scope-sweep] total: ${crawl.byPattern.size} patterns × ${PRINCIPALS.length} principals, ${urls} URLs, ${requests} requests, ${problems.length} leaks, ${Date.now() - started} ms`,
  );
  await test.info().attach("leaks.txt", { body: problems.join("\n") || "none", contentType: "text/plain" });
  expect(problems, problems.slice(0, 40).join("\n")).toEqual([]);
});
