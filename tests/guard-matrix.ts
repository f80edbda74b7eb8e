import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import mysql from "mysql2/promise";
import { get, outcome, post, type Outcome } from "#tests/route-harness.ts";

// The guard matrix (decision 023): walks app/routes.ts, classifies every route by the surface its URL
// belongs to, and calls each loader and action the way React Router would, as an anonymous visitor,
// as a staff member without grants and as a member of another customer zone. Every function returns
// a list of problems rather than asserting, so a test can also prove that a bad route is caught.

export interface RouteEntry {
  id: string;
  /** Full URL path without the leading slash ("" for the root index). */
  path: string;
  /** Absolute path of the route module. */
  file: string;
  /** Dynamic segments of the full path, in order (`:leadId` → "leadId"). */
  params: string[];
}

/** Flattens nested route config into one entry per route module, with full paths. */
export function flattenRoutes(config: readonly RouteConfigEntry[], appDir: string, parentPath = ""): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const route of config) {
    const full = [parentPath, route.path ?? ""].filter(Boolean).join("/");
    const id = route.id ?? route.file;
    const params = full
      .split("/")
      .filter((segment) => segment.startsWith(":"))
      .map((segment) => segment.slice(1).replace(/\?$/, ""));
    entries.push({ id, path: full, file: path.resolve(appDir, route.file), params });
    if (route.children) entries.push(...flattenRoutes(route.children, appDir, full));
  }
  return entries;
}

/** What a staff member holding no grants at all gets from an allow-listed loader or action, and why. */
export interface Grantless {
  status: number;
  reason: string;
  /** What the probe posts (default: an unknown intent); a real intent shows the service rule refusing. */
  form?: Record<string, string>;
}

export type Classification =
  /** Anyone may call it (sign-in pages, the public portal, key-authenticated APIs). */
  | { kind: "public"; reason: string }
  /**
   * Back office: anonymous → sign-in (JSON: 401), no grants → 403 (JSON: 403) unless allow-listed here,
   * and a refused action changes nothing.
   */
  | { kind: "staff"; json?: boolean; grantless?: { loader?: Grantless; action?: Grantless } }
  /** Portal member pages: anonymous → /login?redirectTo=…. */
  | { kind: "member" }
  /**
   * Customer zone pages: anonymous → /login?redirectTo=…; a member of another zone gets 404 for a
   * record of this zone (`record`), and never sees this zone's data on the pages without a record id.
   */
  | { kind: "zone"; record: boolean; query?: string };

export type Surface = "staff" | "member" | "zone" | "open";

/** Sign-in and sign-out live under the surfaces they guard but must answer signed-out visitors. */
// The set-password link of staff invitations and resets: the single-use link is the credential.
export const SIGN_IN_ROUTES: ReadonlySet<string> = new Set(["crm/login", "crm/logout", "crm/set-password"]);

/** The surface a URL belongs to; the classification of its route must match it. */
export function surfaceOf(entry: RouteEntry): Surface {
  const first = entry.path.split("/")[0];
  if (first === "crm") return SIGN_IN_ROUTES.has(entry.id) ? "open" : "staff";
  if (first === "account") return "member";
  if (first === "zone") return "zone";
  return "open";
}

/** Every route classified, and classified as what its URL says it is. */
export function checkClassification(
  entries: readonly RouteEntry[],
  table: Readonly<Record<string, Classification>>,
): string[] {
  const problems: string[] = [];
  const ids = new Set(entries.map((e) => e.id));
  for (const entry of entries) {
    const c = table[entry.id];
    if (!c) {
      problems.push(`${entry.id} (/${entry.path}) is not classified: add it to the guard matrix`);
      continue;
    }
    const surface = surfaceOf(entry);
    const expected = surface === "open" ? "public" : surface;
    if (c.kind !== expected)
      problems.push(`${entry.id} (/${entry.path}) is classified ${c.kind}, its URL says ${expected}`);
    if (c.kind === "staff") {
      for (const [method, allowed] of Object.entries(c.grantless ?? {})) {
        if (allowed && !allowed.reason.trim()) problems.push(`${entry.id}: the grantless ${method} needs a reason`);
      }
    }
  }
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${id} is classified but not in app/routes.ts`);
  return problems;
}

export interface RouteModule {
  loader?: (args: never) => unknown;
  action?: (args: never) => unknown;
}

export interface ProbeWorld {
  /** A value per route param name: ids of seeded records (or a dummy). */
  params: Readonly<Record<string, string>>;
  /** Cookie of a signed-in staff member whose role holds no grants. */
  grantlessStaff: string;
  /** Cookie of an active member of customer zone B (the seeded records belong to zone A). */
  otherZoneMember: string;
  /** Strings that only zone A's pages may show (its company, asset, contract and request names). */
  zoneAMarkers: readonly string[];
  /** A fingerprint of every table a refused request must not change. */
  snapshot: () => Promise<string>;
}

export function urlOf(entry: RouteEntry, params: Readonly<Record<string, string>>): string {
  const filled = entry.path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? (params[segment.slice(1).replace(/\?$/, "")] ?? "1") : segment))
    .join("/");
  return `/${filled}`;
}

export function paramsOf(entry: RouteEntry, params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(entry.params.map((name) => [name, params[name] ?? "1"]));
}

type Method = "loader" | "action";

async function call(
  mod: RouteModule,
  method: Method,
  url: string,
  cookie: string | null,
  params: Record<string, string>,
  form: Record<string, string> = { intent: "guard-probe" },
) {
  const handler = mod[method] as ((args: unknown) => unknown) | undefined;
  if (!handler) throw new Error(`no ${method}`);
  const args = method === "loader" ? get(url, cookie, params) : post(url, cookie, form, params);
  try {
    return await outcome(async () => handler(args));
  } catch (error) {
    // Anything but a Response or data() escaping a guard is a crash (a 500), which is a problem too.
    return { status: -1, location: null, body: String(error), headers: null } satisfies Outcome;
  }
}

function describe(result: Outcome): string {
  if (result.status === -1) return `threw ${String(result.body).slice(0, 160)}`;
  return result.location ? `${result.status} → ${result.location}` : String(result.status);
}

function methodsOf(mod: RouteModule): Method[] {
  return (["loader", "action"] as const).filter((m) => typeof mod[m] === "function");
}

function isRedirect(result: Outcome): boolean {
  return result.status >= 300 && result.status < 400 && result.location !== null;
}

/** The same params with every record id replaced by one that exists nowhere. */
function missingIds(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, /^\d+$/.test(v) ? "2147483646" : v]));
}

/** Back office: the guard answers before the route looks anything up, and a refusal writes nothing. */
export async function probeStaffRoute(
  entry: RouteEntry,
  mod: RouteModule,
  c: Extract<Classification, { kind: "staff" }>,
  world: ProbeWorld,
): Promise<string[]> {
  const problems: string[] = [];
  const url = urlOf(entry, world.params);
  const params = paramsOf(entry, world.params);
  for (const method of methodsOf(mod)) {
    // With ids that exist nowhere the answer must not change: the guard spoke before any lookup.
    if (entry.params.length > 0 && !c.grantless?.[method]) {
      const missing = missingIds(world.params);
      const label = `${entry.id} ${method === "loader" ? "GET" : "POST"} ${urlOf(entry, missing)}`;
      const anonymous = await call(mod, method, urlOf(entry, missing), null, paramsOf(entry, missing));
      const expectedAnonymous = c.json ? anonymous.status === 401 : isRedirect(anonymous);
      if (!expectedAnonymous)
        problems.push(`${label} anonymous (missing id): the route looked up first, got ${describe(anonymous)}`);
      const grantless = await call(mod, method, urlOf(entry, missing), world.grantlessStaff, paramsOf(entry, missing));
      if (grantless.status !== 403)
        problems.push(`${label} without grants (missing id): expected 403, got ${describe(grantless)}`);
    }
    const label = `${entry.id} ${method === "loader" ? "GET" : "POST"} ${url}`;
    const before = method === "action" ? await world.snapshot() : null;

    const allowed = c.grantless?.[method];
    const anonymous = await call(mod, method, url, null, params, allowed?.form);
    if (c.json) {
      if (anonymous.status !== 401) problems.push(`${label} anonymous: expected 401 JSON, got ${describe(anonymous)}`);
    } else if (!isRedirect(anonymous) || !anonymous.location!.startsWith("/crm/login")) {
      problems.push(`${label} anonymous: expected a redirect to /crm/login, got ${describe(anonymous)}`);
    }

    const grantless = await call(mod, method, url, world.grantlessStaff, params, allowed?.form);
    const expected = allowed?.status ?? 403;
    if (grantless.status !== expected) {
      problems.push(
        `${label} without grants: expected ${expected}${allowed ? ` (${allowed.reason})` : ""}, got ${describe(grantless)}`,
      );
    }
    if (isRedirect(grantless) && grantless.location!.startsWith("/crm/login")) {
      problems.push(`${label} without grants: a signed-in staff member was sent to sign in`);
    }
    if (before !== null && (await world.snapshot()) !== before) {
      problems.push(`${label}: a refused request changed the database`);
    }
  }
  return problems;
}

/** Portal member pages: a visitor is sent to sign in and comes back to the same URL. */
export async function probeMemberRoute(entry: RouteEntry, mod: RouteModule, world: ProbeWorld): Promise<string[]> {
  const problems: string[] = [];
  const url = urlOf(entry, world.params);
  const params = paramsOf(entry, world.params);
  const signIn = `/login?redirectTo=${encodeURIComponent(url)}`;
  for (const method of methodsOf(mod)) {
    const before = method === "action" ? await world.snapshot() : null;
    const anonymous = await call(mod, method, url, null, params);
    if (!isRedirect(anonymous) || anonymous.location !== signIn) {
      problems.push(
        `${entry.id} ${method === "loader" ? "GET" : "POST"} ${url} anonymous: expected ${signIn}, got ${describe(anonymous)}`,
      );
    }
    if (before !== null && (await world.snapshot()) !== before) {
      problems.push(`${entry.id} POST ${url} anonymous: a refused request changed the database`);
    }
  }
  return problems;
}

function serialise(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "";
  } catch {
    return String(value);
  }
}

/** Customer zones: as member pages, and another zone's member neither opens nor sees zone A's records. */
export async function probeZoneRoute(
  entry: RouteEntry,
  mod: RouteModule,
  c: Extract<Classification, { kind: "zone" }>,
  world: ProbeWorld,
): Promise<string[]> {
  const problems = await probeMemberRoute(entry, mod, world);
  const url = urlOf(entry, world.params);
  const params = paramsOf(entry, world.params);
  for (const method of methodsOf(mod)) {
    const label = `${entry.id} ${method === "loader" ? "GET" : "POST"} ${url} as a member of another zone`;
    if (c.record) {
      const before = method === "action" ? await world.snapshot() : null;
      const result = await call(mod, method, url, world.otherZoneMember, params);
      if (result.status !== 404) problems.push(`${label}: expected 404, got ${describe(result)}`);
      if (before !== null && (await world.snapshot()) !== before) problems.push(`${label}: the database changed`);
    } else if (method === "loader") {
      const result = await call(mod, method, c.query ? `${url}?${c.query}` : url, world.otherZoneMember, params);
      if (result.status === -1 || result.status >= 500) problems.push(`${label}: ${describe(result)}`);
      const text = serialise(result.body);
      for (const marker of world.zoneAMarkers) {
        if (text.includes(marker)) problems.push(`${label}: shows zone A's "${marker}"`);
      }
    }
  }
  return problems;
}

/** Every problem of one route, by its classification. */
export async function probeRoute(
  entry: RouteEntry,
  mod: RouteModule,
  c: Classification,
  world: ProbeWorld,
): Promise<string[]> {
  switch (c.kind) {
    case "public":
      return [];
    case "staff":
      return probeStaffRoute(entry, mod, c, world);
    case "member":
      return probeMemberRoute(entry, mod, world);
    case "zone":
      return probeZoneRoute(entry, mod, c, world);
  }
}

/** Session and rate-limit rows legitimately move on any request (sliding expiry); the rest must not. */
const VOLATILE_TABLES = new Set(["StaffSession", "MemberSession", "RateLimitBucket"]);

/** A fingerprint of every application table (MariaDB CHECKSUM TABLE), on one dedicated connection. */
export async function openSnapshotter(databaseUrl: string) {
  const conn = await mysql.createConnection(databaseUrl);
  const [rows] = await conn.query(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations'",
  );
  const tables = (rows as Array<{ name: string }>).map((r) => r.name).filter((name) => !VOLATILE_TABLES.has(name));
  const list = tables.map((name) => `\`${name}\``).join(", ");
  return {
    async snapshot(): Promise<string> {
      const [sums] = await conn.query(`CHECKSUM TABLE ${list}`);
      return (sums as Array<{ Table: string; Checksum: number | string | null }>)
        .map((r) => `${r.Table}:${r.Checksum}`)
        .join(";");
    },
    close: () => conn.end(),
  };
}
