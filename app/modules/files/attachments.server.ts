import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Attachment } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";

/**
 * Uploaded files on local disk (S3-compatible storage later: only this module knows where bytes live).
 * Layout: `<UPLOAD_DIR>/<first two chars of key>/<key>`; the key is random, never derived from the
 * file name, so names can't traverse paths or collide. The MIME type is decided from the extension
 * allow-list (browsers' claims are not trusted) and checked against the file's leading bytes where the
 * format has a signature.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_FILES = 5;

export type AttachmentOwnerType =
  | "service_request"
  | "service_reply"
  | "knowledge_article"
  | "asset"
  | "company_logo"
  | "company"
  | "course_lesson"
  | "forum_post"
  | "classroom"
  | "product_image";

const TYPES: Record<string, { mime: string; magic?: number[][] }> = {
  png: { mime: "image/png", magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  gif: { mime: "image/gif", magic: [[0x47, 0x49, 0x46, 0x38]] },
  webp: { mime: "image/webp", magic: [[0x52, 0x49, 0x46, 0x46]] },
  pdf: { mime: "application/pdf", magic: [[0x25, 0x50, 0x44, 0x46]] },
  txt: { mime: "text/plain" },
  log: { mime: "text/plain" },
  csv: { mime: "text/csv" },
  zip: { mime: "application/zip", magic: [[0x50, 0x4b]] },
  "7z": { mime: "application/x-7z-compressed", magic: [[0x37, 0x7a, 0xbc, 0xaf]] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [[0x50, 0x4b]],
  },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: [[0x50, 0x4b]] },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: [[0x50, 0x4b]],
  },
  doc: { mime: "application/msword", magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: "application/vnd.ms-excel", magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
};

/** Comma-separated `accept` attribute for file inputs. */
export const ATTACHMENT_ACCEPT = Object.keys(TYPES)
  .map((ext) => `.${ext}`)
  .join(",");

/**
 * Video, accepted only where a caller opts in (`{ video: true }`: courseware). Larger than other
 * files; the signature of MP4 sits at offset 4 ("ftyp"), so the leading four bytes are wildcards.
 */
export const VIDEO_MAX_BYTES = 50 * 1024 * 1024;
const VIDEO_TYPES: Record<string, { mime: string; magic?: Array<Array<number | null>> }> = {
  mp4: { mime: "video/mp4", magic: [[null, null, null, null, 0x66, 0x74, 0x79, 0x70]] },
  webm: { mime: "video/webm", magic: [[0x1a, 0x45, 0xdf, 0xa3]] },
};

/** The `accept` attribute for inputs that also take video. */
export const MEDIA_ATTACHMENT_ACCEPT = `${ATTACHMENT_ACCEPT},${Object.keys(VIDEO_TYPES)
  .map((ext) => `.${ext}`)
  .join(",")}`;

export interface UploadOptions {
  /** Also accept MP4/WebM video up to VIDEO_MAX_BYTES. */
  video?: boolean;
}

function typeOf(name: string, options: UploadOptions) {
  const ext = extensionOf(name);
  const video = options.video && Object.hasOwn(VIDEO_TYPES, ext) ? VIDEO_TYPES[ext] : undefined;
  if (video) return { ...video, maxBytes: VIDEO_MAX_BYTES };
  return Object.hasOwn(TYPES, ext) ? { ...TYPES[ext]!, maxBytes: ATTACHMENT_MAX_BYTES } : undefined;
}

/**
 * Types served `inline` (image previews); everything else downloads as an attachment. Raster images
 * only: SVG can carry script, and PDF/video need no inline disposition (a `<video src>` plays either way).
 */
export const INLINE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export type UploadError =
  | { code: "too-large"; name: string }
  | { code: "bad-type"; name: string }
  | { code: "empty"; name: string }
  | { code: "too-many" };

export class UploadRejected extends Error {
  constructor(readonly errors: UploadError[]) {
    super(`upload rejected: ${errors.map((e) => e.code).join(", ")}`);
  }
}

export interface StoredFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR || ".data/uploads");
}

/** Where a stored file's bytes are (for streaming large files in ranges rather than reading them whole). */
export function storagePath(storageKey: string): string {
  if (!/^[a-z0-9]{32}$/.test(storageKey)) throw new Error("invalid storage key");
  return path.join(uploadDir(), storageKey.slice(0, 2), storageKey);
}

/** The non-empty files of a multipart field (a form with no file chosen sends one empty entry). */
export function filesFromFormData(form: FormData, field = "attachments"): File[] {
  return form
    .getAll(field)
    .filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v)
    .filter((f) => !(f.size === 0 && f.name === ""));
}

/** A clean display name: no directories, no control characters, bounded length, extension kept. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Control characters, reserved characters, and every invisible format character (\p{Cf}: the
  // bidi overrides such as U+202E that make "fdp.exe" read "exe.pdf", zero-width marks, the BOM).
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, "")
    .normalize("NFC")
    .trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") return "file";
  if (cleaned.length <= 200) return cleaned;
  const ext = path.extname(cleaned).slice(0, 12);
  return cleaned.slice(0, 200 - ext.length) + ext;
}

function extensionOf(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}

function matchesMagic(bytes: Uint8Array, magic: Array<Array<number | null>> | undefined): boolean {
  if (!magic) return true;
  return magic.some((sig) => sig.every((b, i) => b === null || bytes[i] === b));
}

/** Checks count, size, type and (for typed formats) the leading bytes. Returns every problem found. */
export async function validateUploads(files: File[], options: UploadOptions = {}): Promise<UploadError[]> {
  const errors: UploadError[] = [];
  if (files.length > ATTACHMENT_MAX_FILES) errors.push({ code: "too-many" });
  for (const file of files) {
    const name = cleanFileName(file.name);
    const type = typeOf(name, options);
    if (file.size === 0) errors.push({ code: "empty", name });
    else if (file.size > (type?.maxBytes ?? ATTACHMENT_MAX_BYTES)) errors.push({ code: "too-large", name });
    else if (!type) errors.push({ code: "bad-type", name });
    else {
      const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      if (!matchesMagic(head, type.magic)) errors.push({ code: "bad-type", name });
    }
  }
  return errors;
}

/** Writes validated files to disk (outside any transaction). Throws UploadRejected on invalid input. */
export async function storeUploads(files: File[], options: UploadOptions = {}): Promise<StoredFile[]> {
  const errors = await validateUploads(files, options);
  if (errors.length > 0) throw new UploadRejected(errors);
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const fileName = cleanFileName(file.name);
      const bytes = Buffer.from(await file.arrayBuffer());
      const storageKey = randomBytes(16).toString("hex");
      const target = storagePath(storageKey);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      await writeFile(tmp, bytes, { flag: "wx" });
      await rename(tmp, target);
      stored.push({
        fileName,
        mimeType: typeOf(fileName, options)!.mime,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey,
      });
    }
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
  return stored;
}

/** Removes files written by storeUploads whose database rows were never committed. */
export async function discardStored(stored: StoredFile[]): Promise<void> {
  await Promise.all(stored.map((s) => rm(storagePath(s.storageKey), { force: true })));
}

export interface Uploader {
  staffId?: number | null;
  memberId?: number | null;
}

/** Attachment rows for files already on disk; call inside the owner's transaction. */
export async function attachStored(
  tx: DbOrTx,
  stored: StoredFile[],
  owner: { type: AttachmentOwnerType; id: number },
  uploader: Uploader,
): Promise<Attachment[]> {
  const rows: Attachment[] = [];
  for (const s of stored) {
    rows.push(
      await tx.attachment.create({
        data: {
          ownerType: owner.type,
          ownerId: owner.id,
          fileName: s.fileName,
          mimeType: s.mimeType,
          size: s.size,
          sha256: s.sha256,
          storageKey: s.storageKey,
          uploadedByStaffId: uploader.staffId ?? null,
          uploadedByMemberId: uploader.memberId ?? null,
        },
      }),
    );
  }
  return rows;
}

/** Store and attach in one go, for callers that create the owner first. Cleans the disk on failure. */
export async function saveAttachments(
  db: DbOrTx,
  files: File[],
  owner: { type: AttachmentOwnerType; id: number },
  uploader: Uploader,
  options: UploadOptions = {},
): Promise<Attachment[]> {
  const stored = await storeUploads(files, options);
  try {
    return await attachStored(db, stored, owner, uploader);
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
}

export type AttachmentSummary = Pick<
  Attachment,
  "id" | "ownerType" | "ownerId" | "fileName" | "mimeType" | "size" | "createdAt"
>;

export async function listAttachments(
  db: DbOrTx,
  ownerType: AttachmentOwnerType,
  ownerIds: number[],
): Promise<AttachmentSummary[]> {
  if (ownerIds.length === 0) return [];
  return db.attachment.findMany({
    where: { ownerType, ownerId: { in: ownerIds } },
    select: { id: true, ownerType: true, ownerId: true, fileName: true, mimeType: true, size: true, createdAt: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Reads one attachment for download. `authorise` decides from the row (owner type and id) whether the
 * caller may read it; a refusal and a missing row look the same (null → 404) so ids can't be probed.
 */
export async function readAttachment(
  db: DbOrTx,
  id: number,
  authorise: (attachment: Attachment) => boolean | Promise<boolean>,
): Promise<{ attachment: Attachment; body: Buffer } | null> {
  if (!Number.isInteger(id) || id <= 0) return null;
  const attachment = await db.attachment.findUnique({ where: { id } });
  if (!attachment) return null;
  if (!(await authorise(attachment))) return null;
  try {
    const body = await readFile(storagePath(attachment.storageKey));
    return { attachment, body };
  } catch {
    return null;
  }
}

/** A download response: safe headers, RFC 5987 file name, inline only for raster images. */
export function attachmentResponse(attachment: Attachment, body: Buffer): Response {
  const disposition = INLINE_TYPES.has(attachment.mimeType) ? "inline" : "attachment";
  const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(body.length),
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=0, must-revalidate",
    },
  });
}

/** Largest multipart body accepted before parsing: all files at their limit plus room for fields. */
export const MULTIPART_MAX_BYTES = ATTACHMENT_MAX_FILES * ATTACHMENT_MAX_BYTES + 1024 * 1024;

/**
 * Parses a multipart (or urlencoded) form, refusing oversized bodies up front by Content-Length so a
 * huge upload is not buffered. Throws a 413 Response.
 */
export async function readUploadForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(length) && length > MULTIPART_MAX_BYTES) {
    throw new Response("Payload Too Large", { status: 413 });
  }
  return request.formData();
}

/** Validates and stores the files of a form field; returns either the stored files or the problems. */
export async function storeFormFiles(
  form: FormData,
  field = "attachments",
): Promise<{ ok: true; stored: StoredFile[] } | { ok: false; errors: UploadError[] }> {
  const files = filesFromFormData(form, field);
  if (files.length === 0) return { ok: true, stored: [] };
  try {
    return { ok: true, stored: await storeUploads(files) };
  } catch (error) {
    if (error instanceof UploadRejected) return { ok: false, errors: error.errors };
    throw error;
  }
}
