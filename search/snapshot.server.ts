// The embedded index on disk (decisions 047, 059): a restart loads it in about a second instead of
// re-indexing from the database, then catches up from the change feed starting at the position it
// records.
//
// One binary file, little-endian, written to a temporary name and renamed (readers never see half a file):
//   "RLYSRCH\n"  u32 version  u32 header length  header JSON (format, version, fingerprint,
//                 database, position, createdAt, the indexes with their settings)
//   per index, eight blocks (u32 length, u32 0, bytes, zero padding to 8 bytes):
//     terms (sorted, JSON)  start  nos  masks  docStart  docTerms (Int32 arrays)  docs (JSON)  filters (JSON)
//   SHA-256 of every byte before it (32 bytes)
// The Int32 blocks are the engine's postings as they sit in memory (embedded-postings.ts), so loading
// is one read, a few JSON.parse calls and no Map per term; the checksum runs on libuv's thread pool
// while the blocks are parsed. Anything unexpected — another version (the NDJSON files of version 1
// included) or fingerprint (index settings or indexing changed), another database, a bad checksum,
// an inconsistent block — and the snapshot is ignored: the index is rebuilt.

import { createHash, randomBytes, webcrypto } from "node:crypto";
import { open, mkdir, readFile, rename, rm } from "node:fs/promises";
import { endianness } from "node:os";
import { dirname, join } from "node:path";
import { EMBEDDED_INDEX_FORMAT, type EmbeddedSearchEngine, type IndexImage } from "./embedded-engine.server.ts";
import type { IndexSettings } from "./engine.ts";
import { SEARCH_INDEXES } from "./indexes.ts";

export const SNAPSHOT_FORMAT = "relay-search-snapshot";
export const SNAPSHOT_VERSION = 2;
const FILE_NAME = "embedded-index.bin";
const LEGACY_FILE_NAME = "embedded-index.ndjson";
const MAGIC = Buffer.from("RLYSRCH\n", "latin1");
const DIGEST_BYTES = 32;

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

interface Header {
  format?: unknown;
  version?: unknown;
  fingerprint?: unknown;
  database?: unknown;
  position?: unknown;
  indexes?: unknown;
}

function padding(length: number): number {
  return (8 - (length % 8)) % 8;
}

function block(bytes: Uint8Array): Buffer[] {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(bytes.byteLength, 0);
  return [head, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Buffer.alloc(padding(bytes.byteLength))];
}

const jsonBlock = (value: unknown) => block(Buffer.from(JSON.stringify(value), "utf8"));
const intBlock = (values: Int32Array) => block(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

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
  // The Int32 blocks are written as they sit in memory; a big-endian machine rebuilds instead.
  if (endianness() !== "LE") throw new Error("search snapshots need a little-endian machine");
  const images = await engine.snapshotImages();
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const file = await open(tmp, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  let docs = 0;
  const write = async (parts: Buffer[]) => {
    for (const part of parts) {
      if (part.byteLength === 0) continue;
      hash.update(part);
      await file.write(part);
      bytes += part.byteLength;
    }
  };
  try {
    const header = Buffer.from(
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        version: SNAPSHOT_VERSION,
        fingerprint: snapshotFingerprint(),
        database,
        position: position.toString(),
        createdAt: new Date().toISOString(),
        indexes: images.map((image) => ({ name: image.name, settings: image.settings })),
      }),
      "utf8",
    );
    const start = Buffer.alloc(16);
    MAGIC.copy(start, 0);
    start.writeUInt32LE(SNAPSHOT_VERSION, 8);
    start.writeUInt32LE(header.byteLength, 12);
    await write([start, header, Buffer.alloc(padding(header.byteLength))]);
    for (const image of images) {
      const p = image.postings;
      await write(jsonBlock(p.terms));
      for (const values of [p.start, p.nos, p.masks, p.docStart, p.docTerms]) await write(intBlock(values));
      await write(jsonBlock(image.docs));
      await write(jsonBlock(image.filters));
      docs += image.docs.length;
    }
    const digest = hash.digest();
    await file.write(digest);
    bytes += digest.byteLength;
    await file.close();
    await rename(tmp, path);
    // Version 1's file (NDJSON, another name) can never be loaded again.
    await rm(join(dirname(path), LEGACY_FILE_NAME), { force: true });
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  return { path, docs, bytes, ms: Math.round(performance.now() - started) };
}

export type SnapshotLoad = { ok: true; position: bigint; docs: number; ms: number } | { ok: false; reason: string };

/** Reads the blocks of a loaded file in order. */
class BlockReader {
  constructor(
    private readonly buf: Buffer,
    private offset: number,
    private readonly end: number,
  ) {}

  private next(): { at: number; length: number } {
    if (this.offset + 8 > this.end) throw new Error("truncated");
    const length = this.buf.readUInt32LE(this.offset);
    const at = this.offset + 8;
    if (at + length > this.end) throw new Error("truncated");
    this.offset = at + length + padding(length);
    return { at, length };
  }

  json(): unknown {
    const { at, length } = this.next();
    return JSON.parse(this.buf.toString("utf8", at, at + length));
  }

  ints(): Int32Array {
    const { at, length } = this.next();
    if (length % 4 !== 0) throw new Error("bad block");
    const byteOffset = this.buf.byteOffset + at;
    // In place when aligned (readFile gives a buffer of its own); copied otherwise.
    if (byteOffset % 4 === 0) return new Int32Array(this.buf.buffer, byteOffset, length / 4);
    return new Int32Array(new Uint8Array(this.buf.buffer, byteOffset, length).slice().buffer);
  }

  get done(): boolean {
    return this.offset === this.end;
  }
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
  try {
    const buf = await readFile(path);
    if (buf.byteLength < 16 + DIGEST_BYTES || !buf.subarray(0, 8).equals(MAGIC)) throw new Error("other format");
    if (buf.readUInt32LE(8) !== SNAPSHOT_VERSION || endianness() !== "LE") throw new Error("other format");
    const end = buf.byteLength - DIGEST_BYTES;
    // Hashed on the thread pool while this thread parses; nothing is kept unless it matches.
    const digest = webcrypto.subtle.digest("SHA-256", buf.subarray(0, end));
    digest.catch(() => undefined);
    const headerLength = buf.readUInt32LE(12);
    if (16 + headerLength > end) throw new Error("truncated");
    const header = JSON.parse(buf.toString("utf8", 16, 16 + headerLength)) as Header;
    if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION) throw new Error("other format");
    if (header.fingerprint !== snapshotFingerprint()) throw new Error("index settings changed");
    if (header.database !== database) throw new Error("another database");
    if (typeof header.position !== "string" || !/^\d+$/.test(header.position)) throw new Error("no position");
    if (!Array.isArray(header.indexes)) throw new Error("no indexes");
    const reader = new BlockReader(buf, 16 + headerLength + padding(headerLength), end);
    const images: IndexImage[] = [];
    for (const entry of header.indexes as Array<{ name: string; settings: IndexSettings }>) {
      const terms = reader.json() as string[];
      const [start, nos, masks, docStart, docTerms] = [
        reader.ints(),
        reader.ints(),
        reader.ints(),
        reader.ints(),
        reader.ints(),
      ];
      const docs = reader.json() as IndexImage["docs"];
      const filters = reader.json() as IndexImage["filters"];
      images.push({
        name: entry.name,
        settings: entry.settings,
        docs,
        filters,
        postings: { terms, start, nos, masks, docStart, docTerms },
      });
    }
    if (!reader.done) throw new Error("unexpected data");
    engine.restoreImages(images);
    if (!Buffer.from(await digest).equals(buf.subarray(end))) throw new Error("checksum mismatch");
    const docs = images.reduce((sum, image) => sum + image.docs.length, 0);
    return { ok: true, position: BigInt(header.position), docs, ms: Math.round(performance.now() - started) };
  } catch (error) {
    engine.reset();
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      reason: code === "ENOENT" ? "no snapshot" : error instanceof Error ? error.message : String(error),
    };
  }
}
