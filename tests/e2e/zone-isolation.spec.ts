import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";

// ISOLATION SWEEP (issue #7): for each demo zone, sign in as its rightful members and crawl every zone
// resource URL reachable from the zone pages (pages, their React Router `.data` endpoints, attachment
// downloads). Then request each one as every member of the OTHER zone, as a visitor and as the
// unconfirmed member: only 401/403/404 or a redirect to the sign-in page may come back, and no body
// may contain the resource's identifying text. Index pages (/zone, /zone/assets …) answer an outsider
// with their OWN zone (or the join page) — allowed, as long as none of this zone's identifying texts
// appear. Finally: the internal-note marker never appears in any portal response, the rightful
// members' included.

const PASSWORD = "Relay-member-2026";
const INTERNAL_MARKER = "内部备注";
const ZONES = {
  A: ["zone-a-admin@relay-demo.cn", "zone-a-user@relay-demo.cn"],
  B: ["zone-b-admin@relay-demo.cn", "zone-b-user@relay-demo.cn", "zone-b-user2@relay-demo.cn"],
} as const;
const UNCONFIRMED = "zone-a-pending@relay-demo.cn";
const SEEDS = [
  "/zone",
  "/zone/requests",
  "/zone/requests?tab=published",
  "/zone/assets",
  "/zone/contracts",
  "/zone/members",
];
const MAX_URLS = 300;

test.describe.configure({ mode: "serial", timeout: 300_000 });

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function visitor(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
}

async function signedIn(email: string): Promise<APIRequestContext> {
  const ctx = await visitor();
  const res = await ctx.post("/login", { form: { email, password: PASSWORD, redirectTo: "/account" } });
  expect(res.status(), `sign-in of ${email}`).toBe(302);
  expect(res.headers()["location"]).not.toContain("/login");
  return ctx;
}

/** The React Router data endpoint of a page URL: /zone/assets/5?x=1 → /zone/assets/5.data?x=1 */
function dataUrl(url: string): string {
  const u = new URL(url, baseURL);
  const path = u.pathname === "/" ? "/_root" : u.pathname.replace(/\/$/, "");
  return `${path}.data${u.search}`;
}

function zoneLinks(html: string): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(/href="([^"]+)"/g)) {
    const href = match[1]!.replaceAll("&amp;", "&");
    if (!/^\/zone(\/|\?|$)/.test(href)) continue;
    out.add(href.split("#")[0]!);
  }
  return [...out];
}

/** Resource pages carry an id in the path: /zone/assets/12, /zone/requests/3, /zone/files/9 … */
const isResource = (url: string) => /^\/zone\/[a-z]+\/\d+/.test(url);

/** The first text node of the page's <h1>: the resource's name (asset, contract, request subject). */
function identifyingText(html: string): string | null {
  const match = /<h1[^>]*>\s*([^<]{4,})/.exec(html);
  const text = match?.[1]?.trim() ?? "";
  return text.length >= 4 ? decodeEntities(text) : null;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
}

interface Crawl {
  urls: string[];
  secrets: Map<string, string>; // url → identifying text
  bodies: string[];
}

async function crawl(members: readonly string[]): Promise<Crawl> {
  const seen = new Set<string>();
  const secrets = new Map<string, string>();
  const bodies: string[] = [];
  for (const email of members) {
    const ctx = await signedIn(email);
    const queue = [...SEEDS];
    const mine = new Set<string>();
    while (queue.length > 0 && mine.size < MAX_URLS) {
      const url = queue.shift()!;
      if (mine.has(url)) continue;
      mine.add(url);
      seen.add(url);
      const res = await ctx.get(url);
      expect(res.status(), `${email} may open ${url}`).toBeLessThan(400);
      const type = res.headers()["content-type"] ?? "";
      if (!type.includes("text/html")) continue; // downloads: not parsed
      const html = await res.text();
      bodies.push(html);
      if (isResource(url)) {
        const text = identifyingText(html);
        if (text) secrets.set(url, text);
      }
      for (const link of zoneLinks(html)) if (!mine.has(link)) queue.push(link);
      const data = await ctx.get(dataUrl(url));
      bodies.push(await data.text());
    }
    await ctx.dispose();
  }
  return { urls: [...seen], secrets, bodies };
}

/** Denied: 401/403/404, or a redirect to the sign-in page (HTML 3xx or single-fetch redirect). */
async function deniedOrOwn(res: APIResponse, url: string, secrets: readonly string[]) {
  const status = res.status();
  const body = await res.text();
  const location = res.headers()["location"] ?? res.headers()["x-remix-redirect"] ?? "";
  const redirectToLogin =
    (status >= 300 && status < 400 && location.includes("/login")) || (status === 202 && body.includes("/login"));
  const denied = status === 401 || status === 403 || status === 404 || redirectToLogin;
  const leaked = secrets.filter((s) => body.includes(s));
  return { status, denied, leaked, body, strict: isResource(new URL(url, baseURL).pathname) };
}

const results: Record<string, { urls: number; requests: number; leaks: string[] }> = {};

for (const [zone, other] of [
  ["A", "B"],
  ["B", "A"],
] as const) {
  test(`zone ${zone}: nobody outside it gets a byte of it`, async () => {
    const crawled = await crawl(ZONES[zone]);
    const resources = crawled.urls.filter((u) => isResource(new URL(u, baseURL).pathname));
    // the crawl must actually reach resources of every kind the zone has
    expect(
      resources.some((u) => u.startsWith("/zone/assets/")),
      "assets reached",
    ).toBe(true);
    expect(
      resources.some((u) => u.startsWith("/zone/contracts/")),
      "contracts reached",
    ).toBe(true);
    expect(
      resources.some((u) => u.startsWith("/zone/requests/")),
      "requests reached",
    ).toBe(true);
    const secrets = [...new Set(crawled.secrets.values())];
    expect(secrets.length).toBeGreaterThan(3);

    // Positive control: the same check run for a rightful member must see the resource (so the
    // detector can fail), and its .data endpoint must carry the same identifying text.
    const insider = await signedIn(ZONES[zone][0]);
    for (const url of resources.filter((u) => crawled.secrets.has(u)).slice(0, 3)) {
      for (const target of [url, dataUrl(url)]) {
        const verdict = await deniedOrOwn(await insider.get(target), url, secrets);
        expect(verdict.denied, `control: ${target} open to its member`).toBe(false);
        expect(verdict.leaked, `control: ${target} shows its own text`).toContain(crawled.secrets.get(url));
      }
    }
    await insider.dispose();
    console.log(`[isolation] zone ${zone} resources: ${resources.join(" ")}`);

    const outsiders: Array<{ who: string; ctx: APIRequestContext; strictAll: boolean; ignoreSecrets?: boolean }> = [];
    for (const email of ZONES[other]) outsiders.push({ who: email, ctx: await signedIn(email), strictAll: false });
    outsiders.push({ who: "visitor", ctx: await visitor(), strictAll: true });
    outsiders.push({ who: UNCONFIRMED, ctx: await signedIn(UNCONFIRMED), strictAll: false });

    const leaks: string[] = [];
    let requests = 0;
    for (const outsider of outsiders) {
      for (const url of crawled.urls) {
        for (const target of [url, dataUrl(url)]) {
          const res = await outsider.ctx.get(target);
          requests++;
          const verdict = await deniedOrOwn(res, url, secrets);
          if (verdict.body.includes(INTERNAL_MARKER)) leaks.push(`${outsider.who} ${target}: internal note`);
          if (verdict.leaked.length > 0)
            leaks.push(`${outsider.who} ${target} (${verdict.status}): shows ${verdict.leaked.join(", ")}`);
          if ((verdict.strict || outsider.strictAll) && !verdict.denied) {
            leaks.push(`${outsider.who} ${target}: status ${verdict.status}, not denied`);
          }
        }
      }
      await outsider.ctx.dispose();
    }
    results[zone] = { urls: crawled.urls.length, requests, leaks };
    console.log(
      `[isolation] zone ${zone}: ${crawled.urls.length} URLs (${resources.length} resources), ${requests} outsider requests, ${leaks.length} leaks`,
    );
    expect(leaks, leaks.join("\n")).toEqual([]);

    // Internal notes never reach the portal, not even for the zone's own members.
    const withMarker = crawled.bodies.filter((b) => b.includes(INTERNAL_MARKER)).length;
    expect(withMarker, "responses to rightful members containing the internal-note marker").toBe(0);
  });
}
