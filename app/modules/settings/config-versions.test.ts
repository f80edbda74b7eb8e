import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { oncePerRequest, runWithRequestContext, type RequestContext } from "#app/lib/request-context.server.ts";
import { staffOptionRows } from "#app/modules/admin/staff-options.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { sharedConfigVersions, versionedCache } from "./config-versions.server.ts";
import { getSetting, setSetting } from "./settings.server.ts";

beforeEach(() => resetDatabase());

function inRequest<T>(method: string, fn: () => Promise<T>): Promise<T> {
  const context: RequestContext = {
    requestId: "test",
    method,
    path: "/crm",
    startedAt: Date.now(),
    databaseUnavailable: false,
  };
  return runWithRequestContext(context, fn);
}

describe("oncePerRequest", () => {
  it("computes once for the loaders of one request and again for the next request", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await inRequest("GET", () =>
      Promise.all([oncePerRequest("k", compute), oncePerRequest("k", compute)]),
    );
    expect([a, b]).toEqual([1, 1]);
    expect(await inRequest("GET", () => oncePerRequest("k", compute))).toBe(2);
    // Outside a request (jobs, tests) nothing is shared.
    await oncePerRequest("k", compute);
    await oncePerRequest("k", compute);
    expect(calls).toBe(4);
  });
});

describe("versioned config caches", () => {
  it("reads a setting once across requests until it changes, then sees the change on the next request", async () => {
    let reads = 0;
    const cached = versionedCache<number>((key) => `setting:${key}`);
    const read = async () => {
      reads++;
      return (await getSetting(db, "recycleBin.retentionDays")) as number;
    };
    const first = await inRequest("GET", () => cached(db, "recycleBin.retentionDays", read));
    await inRequest("GET", () => cached(db, "recycleBin.retentionDays", read));
    expect(reads).toBe(1);

    await setSetting(db, "recycleBin.retentionDays", first + 7, null);
    const after = await inRequest("GET", () => cached(db, "recycleBin.retentionDays", read));
    expect(after).toBe(first + 7);
    expect(reads).toBe(2);
  });

  it("never caches inside an action, a transaction or outside a request", async () => {
    let reads = 0;
    const cached = versionedCache<number>(() => "staff");
    const read = async () => ++reads;
    await inRequest("POST", () => cached(db, "x", read));
    await inRequest("POST", () => cached(db, "x", read));
    await db.$transaction((tx) => inRequest("GET", () => cached(tx, "x", read)));
    await cached(db, "x", read);
    expect(reads).toBe(4);
    expect(sharedConfigVersions(db)).toBeNull();
  });

  it("getSetting answers the new value on the request after a write, on any instance's cache", async () => {
    await inRequest("GET", () => getSetting(db, "recycleBin.retentionDays"));
    await setSetting(db, "recycleBin.retentionDays", 45, null);
    expect(await inRequest("GET", () => getSetting(db, "recycleBin.retentionDays"))).toBe(45);
    await setSetting(db, "recycleBin.retentionDays", 60, null);
    expect(await inRequest("GET", () => getSetting(db, "recycleBin.retentionDays"))).toBe(60);
  });

  it("refreshes the staff option list when a colleague is added or renamed", async () => {
    const before = await inRequest("GET", () => staffOptionRows(db));
    const { staff: added } = await createTestStaff(db);
    const withNew = await inRequest("GET", () => staffOptionRows(db));
    expect(withNew.length).toBe(before.length + 1);
    expect(withNew.map((s) => s.id)).toContain(added.id);
    await db.staff.update({ where: { id: added.id }, data: { name: "改名同事" } });
    const renamed = await inRequest("GET", () => staffOptionRows(db));
    expect(renamed.find((s) => s.id === added.id)?.name).toBe("改名同事");
  });
});
