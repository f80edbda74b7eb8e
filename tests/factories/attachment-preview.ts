import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "#app/lib/db.server.ts";
import { saveAttachments } from "#app/modules/files/attachments.server.ts";
import { createServiceScenario, createTestZoneRequest } from "./service.ts";

// Files for the attachment-preview route tests (#14 item 11): a zone request carrying a PNG, a JPEG, a
// PDF and an SVG row (SVG uploads are refused, so the row is forced in), stored in a temporary dir.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%test\n");

/** Points UPLOAD_DIR at a fresh temporary directory for the file's tests. */
export function withTemporaryUploads(): void {
  let dir = "";
  const previous = process.env.UPLOAD_DIR;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "relay-preview-"));
    process.env.UPLOAD_DIR = dir;
  });
  afterAll(async () => {
    process.env.UPLOAD_DIR = previous;
    await rm(dir, { recursive: true, force: true });
  });
}

export async function requestWithPreviewFiles(db: Db) {
  const s = await createServiceScenario(db);
  const request = await createTestZoneRequest(db, s);
  const [png, jpeg, pdf, txt] = await saveAttachments(
    db,
    [
      new File([PNG], "截图.png"),
      new File([JPEG], "photo.jpg"),
      new File([PDF], "manual.pdf"),
      new File(["x"], "x.txt"),
    ],
    { type: "service_request", id: request.id },
    { memberId: s.a.admin.member.id },
  );
  const svg = await db.attachment.update({
    where: { id: txt!.id },
    data: { fileName: "x.svg", mimeType: "image/svg+xml" },
  });
  return { s, png: png!, jpeg: jpeg!, pdf: pdf!, svg };
}

/** `inline` or `attachment`: the first part of a Content-Disposition header. */
export function dispositionOf(headers: Headers | null): string {
  return (headers?.get("Content-Disposition") ?? "").split(";")[0]!;
}
