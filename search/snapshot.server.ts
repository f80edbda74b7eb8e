// The embedded index on disk (decision 047): a restart loads it in seconds instead of re-indexing
// from the database, then catches up from the change feed starting at the position it records.
//
// One file, NDJSON, written to a temporary name and renamed (readers never see half a file):
//   {"format":"relay-search-snapshot","version":1,"fingerprint":"…","database":"host:port/name","position":"123",…}
//   {"index":"contacts","settings":{…}}          then one SnapshotRow per document, as a JSON array
//   …
//   {"end":true,"docs":N,"sha256":"…"}           sha256 of every byte before this line
// Anything unexpected — another version or fingerprint (index settings or indexing changed), another
// database, a bad checksum, a line that does not parse — and the snapshot is ignored: the index is rebuilt.

import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { EMBEDDED_INDEX_FORMAT, type EmbeddedSearchEngine, type SnapshotRow } from "./embedded-engine.server.ts";
import { SEARCH_INDEXES } from "./indexes.ts";

export const SNAPSHOT_FORMAT = "relay-search-snapshot";
export const SNAPSHOT_VERSION = 1;
const FILE_NAME = "embedded-index.ndjson";

/** Where this process keeps its snapshot, or null when snapshots are off (SEARCH_SNAPSHOT_DIR=off). */
export function snapshotPath(source: NodeJS.ProcessEnv = process.env): string | null {
  const dir = source.SEARCH_SNAPSHOT_DIR?.trim();
  if (dir === "off" || dir === "0") return null;
  return join(dir || ".data/search-snapshot", FILE_NAME);
}

/** Changes when the code's index settings (not synonyms: staff edit those at runtime) or indexing change. */
export function snapshotFingerprint(): string {
  const settings = Object.entries(SEARCH_INDEXES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => [name, { ...s, synonyms: undefined }]);
  return createHash("sha256")
    .update(JSON.stringify({ format: EMBEDDED_INDEX_FORMAT, settings }))
    .digest("hex")
    .slice(0, 16);
}

/** Which database a snapshot belongs to: host, port and name from DATABASE_URL (no credentials). */
export function databaseIdentity(url: string = process.env.DATABASE_URL ?? ""): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port}${parsed.pathname}`;
  } catch {
    return "unknown";
  }
}

/**
 * The database plus the id of its first recorded migration: a random UUID written when that database
 * was created, so a database dropped and recreated under the same name (the e2e and bench runs do
 * this) never accepts the old database's snapshot.
 */
export async function databaseSnapshotIdentity(
  db: { $queryRawUnsafe: <T>(sql: string) => Promise<T> },
  url: string = process.env.DATABASE_URL ?? "",
): Promise<string> {
  const rows = await db
    .$queryRawUnsafe<Array<{ id: string }>>(
      "SELECT id FROM `_prisma_migrations` ORDER BY started_at, migration_name LIMIT 1",
    )
    .catch(() => []);
  return `${databaseIdentity(url)}#${rows[0]?.id ?? "unmigrated"}`;
}

export interface SnapshotWritten {
  path: string;
  docs: number;
  bytes: number;
  ms: number;
}

/**
 * Writes the engine's indexes with `position` (every feed row at or below it is in them). The caller
 * keeps the index still while this runs (the feed follower writes between its steps).
 */
export async function writeSnapshot(
  engine: EmbeddedSearchEngine,
  position: bigint,
  path: string,
  database: string = databaseIdentity(),
): Promise<SnapshotWritten> {
  const started = performance.now();
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const out = createWriteStream(tmp);
  const hash = createHash("sha256");
  let bytes = 0;
  let docs = 0;
  let buffer = "";
  const flush = async () => {
    if (!buffer) return;
    hash.update(buffer);
    bytes += Buffer.byteLength(buffer);
    const ok = out.write(buffer);
    buffer = "";
    if (!ok) await once(out, "drain");
  };
  const line = async (value: unknown) => {
    buffer += `${JSON.stringify(value)}\n`;
    if (buffer.length >= 1 << 20) await flush();
  };
  try {
    await line({
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      fingerprint: snapshotFingerprint(),
      database,
      position: position.toString(),
      createdAt: new Date().toISOString(),
    });
    for (const index of engine.snapshotIndexes()) {
      await line({ index: index.name, settings: index.settings });
      for (const row of index.rows()) {
        await line(row);
        docs++;
      }
    }
    await flush();
    out.end(`${JSON.stringify({ end: true, docs, sha256: hash.digest("hex") })}\n`);
    await once(out, "finish");
    await rename(tmp, path);
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
  return { path, docs, bytes, ms: Math.round(performance.now() - started) };
}

export type SnapshotLoad = { ok: true; position: bigint; docs: number; ms: number } | { ok: false; reason: string };

interface Header {
  format?: unknown;
  version?: unknown;
  fingerprint?: unknown;
  database?: unknown;
  position?: unknown;
}

/**
 * Loads a snapshot into the engine (replacing its indexes). On any failure the engine is emptied
 * and the reason returned: the caller rebuilds from the database.
 */
export async function loadSnapshot(
  engine: EmbeddedSearchEngine,
  path: string,
  database: string = databaseIdentity(),
): Promise<SnapshotLoad> {
  const started = performance.now();
  const input = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const hash = createHash("sha256");
  let header: Header | null = null;
  // In an object: TypeScript does not follow assignments made inside the closure below.
  const state: { current: ReturnType<EmbeddedSearchEngine["restoreIndex"]> | null } = { current: null };
  let pending: string | null = null;
  let docs = 0;
  const take = (text: string) => {
    hash.update(`${text}\n`);
    const value = JSON.parse(text) as unknown;
    if (header === null) {
      header = value as Header;
      if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION) throw new Error("other format");
      if (header.fingerprint !== snapshotFingerprint()) throw new Error("index settings changed");
      if (header.database !== database) throw new Error("another database");
      if (typeof header.position !== "string" || !/^\d+$/.test(header.position)) throw new Error("no position");
      return;
    }
    if (Array.isArray(value)) {
      if (!state.current) throw new Error("document before index");
      state.current.add(value as SnapshotRow);
      docs++;
      return;
    }
    const start = value as { index?: unknown; settings?: unknown };
    if (typeof start.index !== "string" || typeof start.settings !== "object") throw new Error("unexpected line");
    state.current?.finish();
    state.current = engine.restoreIndex(start.index, start.settings as Parameters<typeof engine.restoreIndex>[1]);
  };
  try {
    for await (const text of lines) {
      if (pending !== null) take(pending);
      pending = text;
    }
    if (pending === null || header === null) throw new Error("empty or truncated");
    const trailer = JSON.parse(pending) as { end?: unknown; docs?: unknown; sha256?: unknown };
    if (trailer.end !== true) throw new Error("truncated");
    if (trailer.sha256 !== hash.digest("hex")) throw new Error("checksum mismatch");
    if (trailer.docs !== docs) throw new Error("document count mismatch");
    state.current?.finish();
    const position = BigInt((header as Header).position as string);
    return { ok: true, position, docs, ms: Math.round(performance.now() - started) };
  } catch (error) {
    engine.reset();
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      reason: code === "ENOENT" ? "no snapshot" : error instanceof Error ? error.message : String(error),
    };
  } finally {
    lines.close();
    input.destroy();
  }
}
