import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { handleGuarded } from "#app/lib/request-guard.server.ts";
import routes from "#app/routes.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { createTestZone } from "#tests/factories/zones.ts";
import { flattenRoutes, type RouteEntry } from "#tests/guard-matrix.ts";
import { cookies, memberCookieFor, staffCookie } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";

// Issue #13's fuzz suite: every route of app/routes.ts, called the way the production server calls it
// (through the request guard, then the route's loader or action; anything thrown that is not a
// Response is the 500 React Router would send), with odd content types, oversized and chunked bodies,
// out-of-range ids and hostile redirect targets. As a signed-in admin who is also a customer-zone
// admin, so the guards let the input through to the code that parses it. Expectation: 0 × 5xx, and
// every Location stays on the site. Bounded: one request per (route, case), a minute at most.

const ORIGIN = "http://localhost";
const ID_VALUES = ["0", "-1", "1.5", "abc", "12345678901234567890", "1e400", "%00", "2147483648"];
const HOSTILE_TARGETS = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\r\nSet-Cookie: x=1",
  "/知识库?q=平衡机",
  "javascript:alert(1)",
  "https://evil.example",
  "/%2F%2Fevil.example",
];

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
interface RouteModule {
  loader?: Fn;
  action?: Fn;
}

interface Failure {
  case: string;
  status: number;
  error?: string;
}

const failures: Failure[] = [];
const offSite: string[] = [];
let requests = 0;
let cookie = "";
let entries: Array<RouteEntry & { module: RouteModule }> = [];

function isDataWithInit(value: unknown): value is { init?: ResponseInit | null } {
  return !!value && typeof value === "object" && "init" in value && "data" in value;
}

/** What React Router would answer for a loader/action outcome (status and Location only). */
function asResponse(value: unknown, fallback: number): Response {
  if (value instanceof Response) return value;
  if (isDataWithInit(value))
    return new Response(null, { status: value.init?.status ?? fallback, headers: value.init?.headers });
  return new Response(null, { status: fallback });
}

async function run(label: string, fn: Fn | undefined, request: Request, params: Record<string, string>) {
  requests++;
  let error: string | undefined;
  const response = await handleGuarded(request, async (guarded) => {
    if (!fn) return new Response(null, { status: 405 });
    try {
      return asResponse(await fn({ request: guarded, params, context: { clientIp: "203.0.113.99" } }), 200);
    } catch (thrown) {
      if (thrown instanceof Response || isDataWithInit(thrown)) return asResponse(thrown, 500);
      error = thrown instanceof Error ? `${thrown.name}: ${thrown.message.split("\n")[0]}` : String(thrown);
      return new Response(null, { status: 500 });
    }
  });
  // The guard turns a body that outgrew its limit into 413, whatever the route made of it. A 503 that
  // a route answers on purpose (a portal intake form whose category is not configured) is no crash.
  const deliberate = response.status === 503 && error === undefined;
  if (response.status >= 500 && !deliberate) failures.push({ case: label, status: response.status, error });
  const location = response.headers.get("Location");
  if (location && new URL(location, ORIGIN).origin !== ORIGIN) offSite.push(`${label} → ${location}`);
  return response;
}

function urlFor(entry: RouteEntry, params: Record<string, string>, query = ""): string {
  const pathname = entry.path
    .split("/")
    .map((segment) =>
      segment.startsWith(":") ? encodeURIComponent(params[segment.slice(1).replace(/\?$/, "")]!) : segment,
    )
    .join("/");
  return `${ORIGIN}/${pathname}${query}`;
}

function paramsWith(entry: RouteEntry, value: string): Record<string, string> {
  return Object.fromEntries(entry.params.map((name) => [name, value]));
}

function post(url: string, body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    body,
    headers: { Cookie: cookie, Origin: ORIGIN, ...headers },
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

function chunked(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("a=".padEnd(64 * 1024, "x"));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

/** The bodies every action gets: (label, body, content type). */
function bodies(): Array<[string, () => BodyInit | null, string | null]> {
  const form = () => {
    const data = new FormData();
    data.set("intent", "fuzz");
    data.set("id", "12345678901234567890");
    return data;
  };
  return [
    [
      "urlencoded",
      () => "intent=fuzz&id=12345678901234567890&memberId=99999999999999999999",
      "application/x-www-form-urlencoded",
    ],
    ["multipart", form, null],
    [
      "multipart-no-boundary",
      () => "--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--",
      "multipart/form-data",
    ],
    ["json", () => JSON.stringify({ intent: "fuzz", id: 1 }), "application/json"],
    ["text", () => "intent=fuzz", "text/plain"],
    ["no-type", () => "intent=fuzz", null],
    ["chunked-2mb", () => chunked(2 * 1024 * 1024), "application/x-www-form-urlencoded"],
  ];
}

describe("fuzz: public endpoints and actions never answer 5xx", () => {
  beforeAll(async () => {
    await resetDatabase();
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const { admin } = await createTestZone(db);
    cookie = cookies(await staffCookie(staff.id), await memberCookieFor(admin.member.id));
    const appDir = path.resolve(import.meta.dirname);
    const flat = flattenRoutes(routes, appDir);
    entries = await Promise.all(
      flat.map(async (entry) => ({ ...entry, module: (await import(entry.file)) as RouteModule })),
    );
  }, 120_000);

  afterAll(() => {
    if (process.env.SECURITY_FIGURES) {
      console.log({ routes: entries.length, requests, failures: failures.length, offSite: offSite.length });
    }
  });

  it("actions × content types and sizes", async () => {
    for (const entry of entries.filter((e) => e.module.action)) {
      const params = paramsWith(entry, "1");
      for (const [label, body, type] of bodies()) {
        const made = body();
        const headers: Record<string, string> = type ? { "Content-Type": type } : {};
        const request = post(urlFor(entry, params), made, headers);
        // A FormData body sets its own multipart type; "no-type" must really go without one.
        if (label === "no-type") request.headers.delete("Content-Type");
        const response = await run(`POST /${entry.path} [${label}]`, entry.module.action, request, params);
        // JSON APIs judge their own bodies (the intake API checks the key before reading any).
        const api = entry.path.startsWith("api/") || entry.path.startsWith("crm/api/");
        // 413, or a redirect/refusal the route made before reading the body; never accepted (2xx).
        if (label === "chunked-2mb" && !api) {
          expect(response.status >= 300 && response.status < 500, `${entry.path} ${response.status}`).toBe(true);
        }
        if ((label === "json" || label === "text" || label === "no-type") && !api) {
          expect(response.status, `${entry.path} ${label}`).toBe(415);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("loaders and actions × out-of-range and malformed ids", async () => {
    for (const entry of entries.filter((e) => e.params.length > 0)) {
      for (const value of ID_VALUES) {
        const params = paramsWith(entry, value);
        const url = urlFor(entry, params, "?page=99999999999999999999&id=12345678901234567890");
        const get = new Request(url, { headers: { Cookie: cookie } });
        const response = await run(`GET /${entry.path} [${value}]`, entry.module.loader, get, params);
        if (entry.module.loader) expect(response.status, `${entry.path} ${value}`).toBeLessThan(500);
        if (entry.module.action) {
          const body = "intent=fuzz";
          const request = post(url, body, { "Content-Type": "application/x-www-form-urlencoded" });
          await run(`POST /${entry.path} [${value}]`, entry.module.action, request, params);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("redirect targets stay on the site and never crash the answer", async () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const target of HOSTILE_TARGETS) {
      const query = `?redirectTo=${encodeURIComponent(target)}`;
      for (const id of ["portal/login", "crm/login"]) {
        const entry = byId.get(id)!;
        const anonymous = new Request(`${urlFor(entry, {})}${query}`);
        await run(`GET /${entry.path}${query}`, entry.module.loader, anonymous, {});
        const form = new URLSearchParams({ email: "nobody@relay-test.cn", password: "wrong", redirectTo: target });
        const request = new Request(`${urlFor(entry, {})}${query}`, {
          method: "POST",
          body: form.toString(),
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
        });
        await run(`POST /${entry.path}${query}`, entry.module.action, request, {});
      }
      for (const id of ["locale", "crm/list-views"]) {
        const entry = byId.get(id)!;
        const form = new URLSearchParams({ locale: "en", intent: "columns-reset", list: "leads", redirectTo: target });
        const request = post(urlFor(entry, {}), form.toString(), {
          "Content-Type": "application/x-www-form-urlencoded",
        });
        await run(`POST /${entry.path} redirectTo=${JSON.stringify(target)}`, entry.module.action, request, {});
      }
    }
    expect(failures).toEqual([]);
    expect(offSite).toEqual([]);
  }, 120_000);
});
