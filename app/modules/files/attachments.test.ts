import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  ATTACHMENT_MAX_BYTES,
  attachmentResponse,
  cleanFileName,
  filesFromFormData,
  listAttachments,
  readAttachment,
  saveAttachments,
  UploadRejected,
  validateUploads,
} from "./attachments.server.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
let dir: string;
const previous = process.env.UPLOAD_DIR;

async function filesOnDisk(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(dir).catch(() => [] as string[])) out.push(...(await readdir(path.join(dir, sub))));
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relay-uploads-"));
  process.env.UPLOAD_DIR = dir;
});
afterAll(async () => {
  process.env.UPLOAD_DIR = previous;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase();
});

describe("attachments", () => {
  it("stores a file with its sha256 and a random key, and reads it back for an authorised caller", async () => {
    const file = new File([PNG], "../../etc/截图 1.png", { type: "text/html" });
    const [row] = await saveAttachments(db, [file], { type: "service_request", id: 42 }, { memberId: 7 });
    expect(row).toMatchObject({
      ownerType: "service_request",
      ownerId: 42,
      fileName: "截图 1.png",
      // The browser's claimed type is ignored; the extension allow-list decides.
      mimeType: "image/png",
      size: PNG.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedByMemberId: 7,
    });
    expect(row!.storageKey).toMatch(/^[a-z0-9]{32}$/);
    expect(await filesOnDisk()).toContain(row!.storageKey);

    const read = await readAttachment(db, row!.id, (a) => a.ownerId === 42);
    expect(read?.body.equals(Buffer.from(PNG))).toBe(true);
    const { createHash } = await import("node:crypto");
    expect(row!.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));

    const res = attachmentResponse(read!.attachment, read!.body);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Disposition")).toContain("filename*=UTF-8''%E6%88%AA%E5%9B%BE%201.png");
  });

  it("refuses readers the callback rejects, unknown ids and bad ids alike (null)", async () => {
    const [row] = await saveAttachments(
      db,
      [new File(["hello"], "a.txt")],
      { type: "service_reply", id: 1 },
      { staffId: 3 },
    );
    expect(await readAttachment(db, row!.id, () => false)).toBeNull();
    expect(await readAttachment(db, row!.id + 999, () => true)).toBeNull();
    expect(await readAttachment(db, -1, () => true)).toBeNull();
    expect((await readAttachment(db, row!.id, () => true))?.body.toString()).toBe("hello");
  });

  it("rejects too large, empty, disallowed and disguised files, and writes nothing", async () => {
    const big = new File([new Uint8Array(ATTACHMENT_MAX_BYTES + 1)], "big.txt");
    const empty = new File([], "empty.pdf");
    const exe = new File(["MZ"], "setup.exe");
    const svg = new File(["<svg onload=alert(1)>"], "x.svg");
    const fakePng = new File(["<html>"], "photo.png");
    const before = await filesOnDisk();
    const errors = await validateUploads([big, empty, exe, svg, fakePng]);
    expect(errors).toEqual([
      { code: "too-large", name: "big.txt" },
      { code: "empty", name: "empty.pdf" },
      { code: "bad-type", name: "setup.exe" },
      { code: "bad-type", name: "x.svg" },
      { code: "bad-type", name: "photo.png" },
    ]);
    await expect(
      saveAttachments(db, [new File(["ok"], "ok.txt"), exe], { type: "asset", id: 1 }, {}),
    ).rejects.toBeInstanceOf(UploadRejected);
    expect(await filesOnDisk()).toEqual(before);
    expect(await db.attachment.count()).toBe(0);
  });

  it("limits the number of files and lists attachments per owner", async () => {
    const six = Array.from({ length: 6 }, (_, i) => new File(["x"], `${i}.txt`));
    expect(await validateUploads(six)).toContainEqual({ code: "too-many" });
    await saveAttachments(
      db,
      [new File(["a"], "a.txt"), new File(["b"], "b.csv")],
      { type: "service_request", id: 5 },
      {},
    );
    await saveAttachments(db, [new File(["c"], "c.txt")], { type: "service_request", id: 6 }, {});
    await saveAttachments(db, [new File(["d"], "d.txt")], { type: "service_reply", id: 5 }, {});
    const listed = await listAttachments(db, "service_request", [5]);
    expect(listed.map((a) => [a.fileName, a.mimeType])).toEqual([
      ["a.txt", "text/plain"],
      ["b.csv", "text/csv"],
    ]);
    expect(await listAttachments(db, "service_request", [])).toEqual([]);
  });

  it("takes only real files from a multipart form and cleans names", () => {
    const form = new FormData();
    form.append("attachments", new File([], ""));
    form.append("attachments", new File(["x"], "x.txt"));
    form.append("attachments", "not a file");
    expect(filesFromFormData(form).map((f) => f.name)).toEqual(["x.txt"]);
    expect(cleanFileName('C:\\Users\\a\\"evil"<>.txt')).toBe("evil.txt");
    expect(cleanFileName("..")).toBe("file");
    expect(cleanFileName(`${"长".repeat(300)}.pdf`)).toHaveLength(200);
  });
});
