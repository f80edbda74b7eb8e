import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  PRUNED_CURSOR,
  SearchFeedTailer,
  feedStartPosition,
  heartbeatCursor,
  pruneSearchFeed,
  recordSearchChanges,
  type SearchChangeRow,
} from "./change-feed.server.ts";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { catchUpSearchFeed, startEmbeddedSearch, stopSearchFollower } from "./feed-follower.server.ts";
import { enqueueSearchSync } from "./search-jobs.server.ts";
import { databaseIdentity, databaseSnapshotIdentity, loadSnapshot, writeSnapshot } from "./snapshot.server.ts";

let dir: string;
let serial = 0;

beforeEach(async () => {
  await resetDatabase();
  dir = await mkdtemp(join(tmpdir(), "relay-search-feed-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await db.$disconnect();
});

/** Creates a company and records its feed row in the same transaction, as services do. */
async function createCompany(name: string): Promise<number> {
  serial++;
  return db.$transaction(async (tx) => {
    const c = await tx.company.create({
      data: { number: `ACNT${String(serial).padStart(12, "0")}`, name, nameKey: name },
    });
    await enqueueSearchSync(tx, "companies", [c.id]);
    return c.id;
  });
}

async function found(engine: EmbeddedSearchEngine, q: string): Promise<string[]> {
  return (await engine.query("companies", { q })).hits.map((h) => String(h.doc.name));
}

function collecting(): { rows: SearchChangeRow[]; apply: (rows: SearchChangeRow[]) => Promise<void> } {
  const rows: SearchChangeRow[] = [];
  return { rows, apply: async (batch) => void rows.push(...batch) };
}

/** Opens a transaction that records a change and waits until `release` is called (an in-flight writer). */
function openWriter(entityId: number, commit = true): { inserted: Promise<void>; release: () => Promise<void> } {
  let release!: () => void;
  let inserted!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const insertedP = new Promise<void>((resolve) => (inserted = resolve));
  const done = db
    .$transaction(
      async (tx) => {
        await recordSearchChanges(tx, "companies", [entityId]);
        inserted();
        await gate;
        if (!commit) throw new Error("rolled back on purpose");
      },
      { timeout: 20_000 },
    )
    .catch((error: unknown) => {
      if (commit) throw error;
    });
  return {
    inserted: insertedP,
    release: async () => {
      release();
      await done;
    },
  };
}

describe("the search change feed", () => {
  it("applies rows in id order and only once, and waits for a lower id committed late", async () => {
    const sink = collecting();
    const tailer = new SearchFeedTailer({ db, position: 0n, apply: sink.apply });
    const slow = openWriter(101);
    await slow.inserted; // holds id 1, not yet committed
    await recordSearchChanges(db, "companies", [102, 103]); // ids 2, 3 commit first
    expect(await tailer.step()).toBe(2);
    expect(sink.rows.map((r) => r.entityId)).toEqual([102, 103]);
    // Id 1 may still commit: the safe restart position stays below it.
    expect(tailer.position).toBe(0n);
    expect(tailer.openGaps).toBe(1);
    await slow.release();
    await tailer.step();
    expect(sink.rows.map((r) => r.entityId)).toEqual([102, 103, 101]);
    expect(tailer.position).toBe(3n);
    expect(tailer.openGaps).toBe(0);
    // Nothing new: nothing applied again.
    expect(await tailer.step()).toBe(0);
    expect(sink.rows).toHaveLength(3);
  });

  it("gives a rolled-back id up after the gap window and moves on", async () => {
    let now = 1_000_000;
    const sink = collecting();
    const tailer = new SearchFeedTailer({
      db,
      position: 0n,
      apply: sink.apply,
      settings: { gapMs: 5_000, batch: 100 },
      now: () => now,
    });
    const doomed = openWriter(201, false);
    await doomed.inserted;
    await recordSearchChanges(db, "companies", [202]);
    await doomed.release();
    await tailer.step();
    expect(tailer.position).toBe(0n);
    now += 4_000;
    await tailer.step();
    expect(tailer.position).toBe(0n);
    now += 2_000;
    await tailer.step();
    expect(tailer.position).toBe(2n);
    expect(sink.rows.map((r) => r.entityId)).toEqual([202]);
  });

  it("reads past a full batch while a gap is open", async () => {
    const sink = collecting();
    const tailer = new SearchFeedTailer({ db, position: 0n, apply: sink.apply, settings: { gapMs: 60_000, batch: 2 } });
    const slow = openWriter(300);
    await slow.inserted;
    await recordSearchChanges(db, "companies", [301, 302, 303, 304, 305]);
    await tailer.drain();
    expect(sink.rows.map((r) => r.entityId)).toEqual([301, 302, 303, 304, 305]);
    await slow.release();
    await tailer.drain();
    expect(sink.rows.map((r) => r.entityId)).toEqual([301, 302, 303, 304, 305, 300]);
    expect(tailer.position).toBe(6n);
  });

  it("keeps two consumers' indexes following every change, idempotently", async () => {
    const a = new EmbeddedSearchEngine();
    const b = new EmbeddedSearchEngine();
    await startEmbeddedSearch(a, { snapshot: null, follow: false });
    await startEmbeddedSearch(b, { snapshot: null, follow: false });
    const id = await createCompany("星辰科技有限公司");
    expect(await catchUpSearchFeed(a)).toBe(1);
    expect(await found(a, "星辰")).toEqual(["星辰科技有限公司"]);
    // The other process's copy follows the same row; nothing was consumed by the first.
    expect(await catchUpSearchFeed(b)).toBe(1);
    expect(await found(b, "星辰")).toEqual(["星辰科技有限公司"]);

    await db.$transaction(async (tx) => {
      await tx.company.update({ where: { id }, data: { name: "远航物流", nameKey: "远航物流" } });
      await enqueueSearchSync(tx, "companies", [id]);
      await enqueueSearchSync(tx, "companies", [id]);
    });
    await catchUpSearchFeed(a);
    await catchUpSearchFeed(b);
    for (const engine of [a, b]) {
      expect(await found(engine, "星辰")).toEqual([]);
      expect(await found(engine, "远航")).toEqual(["远航物流"]);
      expect((await engine.stats("companies")).documents).toBe(1);
    }
    // Replaying every row again (a restart from an older position) changes nothing.
    const replay = new SearchFeedTailer({
      db,
      position: 0n,
      apply: async (rows) => {
        const { applySearchChanges } = await import("./feed-follower.server.ts");
        await applySearchChanges(a, rows, db);
      },
    });
    expect(await replay.drain()).toBe(3);
    expect(await found(a, "远航")).toEqual(["远航物流"]);
    expect((await a.stats("companies")).documents).toBe(1);
  });

  it("restarts from its snapshot and catches up from the feed", async () => {
    const path = join(dir, "index.ndjson");
    await createCompany("接力科技有限公司");
    const first = new EmbeddedSearchEngine();
    await startEmbeddedSearch(first, { snapshot: path, follow: false });
    await createCompany("星辰科技有限公司");
    await catchUpSearchFeed(first);
    const written = await writeSnapshot(first, 2n, path, await databaseSnapshotIdentity(db));
    expect(written.docs).toBe(2);

    // While "down": one more company.
    await createCompany("远航物流");
    const events: string[] = [];
    const second = new EmbeddedSearchEngine();
    await startEmbeddedSearch(second, { snapshot: path, follow: false, log: (event) => events.push(event) });
    expect(events).toContain("search.snapshot.loaded");
    expect(await found(second, "远航")).toEqual(["远航物流"]);
    expect(await found(second, "星辰")).toEqual(["星辰科技有限公司"]);
    expect(await found(second, "接力")).toEqual(["接力科技有限公司"]);
    expect((await second.stats("companies")).documents).toBe(3);
  });

  it("answers as soon as the snapshot is loaded and catches up right after", async () => {
    const path = join(dir, "index.bin");
    await createCompany("接力科技有限公司");
    const first = new EmbeddedSearchEngine();
    await startEmbeddedSearch(first, { snapshot: path, follow: false });
    await writeSnapshot(first, 1n, path, await databaseSnapshotIdentity(db));
    await createCompany("远航物流"); // while "down"

    const events: string[] = [];
    const second = new EmbeddedSearchEngine();
    await startEmbeddedSearch(second, {
      snapshot: path,
      follow: false,
      readyBeforeCatchUp: true,
      log: (event) => events.push(event),
    });
    expect(events.slice(0, 2)).toEqual(["search.snapshot.loaded", "search.ready"]);
    expect(await found(second, "接力")).toEqual(["接力科技有限公司"]);
    // The catch-up was queued first: waiting for the feed includes it.
    await catchUpSearchFeed(second);
    expect(events).toContain("search.caught-up");
    expect(await found(second, "远航")).toEqual(["远航物流"]);
  });

  it("ignores the snapshot of a database that was dropped and recreated under the same name", async () => {
    const path = join(dir, "index.ndjson");
    await createCompany("接力科技有限公司");
    const identity = await databaseSnapshotIdentity(db);
    // Same host, port and name; the first migration's id (a UUID made when the database was created)
    // differs, as after DROP DATABASE + migrate.
    expect(identity.startsWith(`${databaseIdentity()}#`)).toBe(true);
    expect(identity.length).toBeGreaterThan(databaseIdentity().length + 30);
    const old = new EmbeddedSearchEngine();
    await startEmbeddedSearch(old, { snapshot: null, follow: false });
    await writeSnapshot(old, 1n, path, `${databaseIdentity()}#00000000-0000-4000-8000-000000000000`);

    const events: string[] = [];
    const engine = new EmbeddedSearchEngine();
    await startEmbeddedSearch(engine, { snapshot: path, follow: false, log: (event) => events.push(event) });
    expect(events).toContain("search.snapshot.skipped");
    expect(events).not.toContain("search.snapshot.loaded");
    expect(await found(engine, "接力")).toEqual(["接力科技有限公司"]);
  });

  it("ignores a corrupted, truncated or foreign snapshot and rebuilds from the database", async () => {
    const path = join(dir, "index.ndjson");
    await createCompany("接力科技有限公司");
    const source = new EmbeddedSearchEngine();
    await startEmbeddedSearch(source, { snapshot: null, follow: false });
    const identity = await databaseSnapshotIdentity(db);
    await writeSnapshot(source, 1n, path, `${identity}-elsewhere`);
    const foreign = await readFile(path);
    await writeSnapshot(source, 1n, path, identity);
    const good = await readFile(path);
    expect((await loadSnapshot(new EmbeddedSearchEngine(), path, identity)).ok).toBe(true);

    const name = Buffer.from("接力科技有限公司");
    const at = good.indexOf(name);
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(good);
    flipped.set(Buffer.from("接力科技有限公同"), at); // same length, one character changed
    const otherVersion = Buffer.from(good);
    otherVersion.writeUInt32LE(99, 8);
    const badDigest = Buffer.from(good);
    badDigest[badDigest.length - 1] = (badDigest[badDigest.length - 1] ?? 0) ^ 0xff;
    const damaged: Array<string | Buffer> = [
      flipped, // checksum mismatch
      badDigest, // the checksum itself damaged
      good.subarray(0, Math.floor(good.length / 2)), // truncated
      otherVersion, // another format version
      // Version 1 (NDJSON) as the previous release wrote it
      `{"format":"relay-search-snapshot","version":1,"fingerprint":"x","database":"${identity}","position":"1"}\n{"end":true,"docs":0,"sha256":"x"}\n`,
      foreign, // another database's index
      "not json at all\n",
      "",
    ];
    for (const text of damaged) {
      await writeFile(path, text);
      const probe = new EmbeddedSearchEngine();
      const loaded = await loadSnapshot(probe, path, identity);
      expect(loaded.ok).toBe(false);
      expect(probe.indexNames()).toEqual([]);

      const events: string[] = [];
      const engine = new EmbeddedSearchEngine();
      await startEmbeddedSearch(engine, { snapshot: path, follow: false, log: (event) => events.push(event) });
      expect(events).toContain("search.snapshot.skipped");
      expect(await found(engine, "接力")).toEqual(["接力科技有限公司"]);
    }
  });

  it("prunes rows every live consumer has passed, and a snapshot older than the watermark is rebuilt", async () => {
    const path = join(dir, "index.ndjson");
    await createCompany("接力科技有限公司");
    await createCompany("星辰科技有限公司");
    const engine = new EmbeddedSearchEngine();
    await startEmbeddedSearch(engine, { snapshot: null, follow: false });
    await writeSnapshot(engine, 0n, path, await databaseSnapshotIdentity(db));

    await heartbeatCursor(db, "instance-a", 2n);
    await heartbeatCursor(db, "instance-b", 1n);
    // Young rows stay for restarts; with keepMs 0 only what every live consumer passed goes.
    expect(await pruneSearchFeed(db)).toBe(0);
    expect(await pruneSearchFeed(db, { keepMs: 0 })).toBe(1);
    expect((await db.searchChange.findMany()).map((r) => r.id)).toEqual([2n]);
    // A consumer that stopped beating is not waited for.
    await db.searchFeedCursor.update({ where: { consumerId: "instance-b" }, data: { heartbeatAt: new Date(0) } });
    expect(await pruneSearchFeed(db, { keepMs: 0 })).toBe(1);
    expect((await db.searchFeedCursor.findUniqueOrThrow({ where: { consumerId: PRUNED_CURSOR } })).position).toBe(2n);
    expect(await feedStartPosition(db)).toBe(2n);

    // The snapshot says position 0, but rows 1–2 are gone: it cannot catch up, so it rebuilds.
    const events: string[] = [];
    const restarted = new EmbeddedSearchEngine();
    await startEmbeddedSearch(restarted, { snapshot: path, follow: false, log: (event) => events.push(event) });
    expect(events).toContain("search.snapshot.skipped");
    expect((await restarted.stats("companies")).documents).toBe(2);
  });

  it("follows in the background and writes a snapshot on stop", async () => {
    const path = join(dir, "index.ndjson");
    const engine = new EmbeddedSearchEngine();
    await startEmbeddedSearch(engine, { snapshot: path, follow: true });
    await createCompany("星辰科技有限公司");
    const deadline = Date.now() + 5_000;
    while ((await found(engine, "星辰")).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await found(engine, "星辰")).toEqual(["星辰科技有限公司"]);
    await stopSearchFollower(engine);
    const probe = new EmbeddedSearchEngine();
    const loaded = await loadSnapshot(probe, path, await databaseSnapshotIdentity(db));
    expect(loaded).toMatchObject({ ok: true, position: 1n, docs: 1 });
    expect(await found(probe, "星辰")).toEqual(["星辰科技有限公司"]);
  });
});
