import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Attachment } from "#app/generated/prisma/client.ts";
import { storagePath } from "#app/modules/files/attachments.server.ts";
import { ifNoneMatchMatches, ifRangeMatches, parseRange } from "./byte-range.ts";

// Streams a stored file with range support (206 / 416 / If-Range / If-None-Match), reading only the
// bytes asked for: a video player seeks without the server holding the whole file in memory.

function dispositionOf(attachment: Pick<Attachment, "fileName">): string {
  const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`;
}

/**
 * The response for GET/HEAD of a stored attachment honouring `Range`. The entity tag is the file's
 * SHA-256 (stored files never change), so it is strong and If-Range can rely on it. Returns null
 * when the bytes are missing from storage (the caller answers 404).
 */
export async function rangeResponse(request: Request, attachment: Attachment): Promise<Response | null> {
  const file = storagePath(attachment.storageKey);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return null;
  }
  const etag = `"${attachment.sha256}"`;
  const lastModified = attachment.createdAt;
  const common: Record<string, string> = {
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    "Cache-Control": "private, max-age=0, must-revalidate",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (ifNoneMatchMatches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  const wanted = ifRangeMatches(request.headers.get("If-Range"), { etag, lastModified })
    ? parseRange(request.headers.get("Range"), size)
    : ({ kind: "full" } as const);
  if (wanted.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...common, "Content-Range": `bytes */${size}` } });
  }
  const headers = {
    ...common,
    "Content-Type": attachment.mimeType,
    "Content-Disposition": dispositionOf(attachment),
  };
  const head = request.method === "HEAD";
  if (wanted.kind === "full") {
    const body = head || size === 0 ? null : streamOf(file, 0, size - 1);
    return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
  }
  const { start, end } = wanted;
  return new Response(head ? null : streamOf(file, start, end), {
    status: 206,
    headers: {
      ...headers,
      "Content-Length": String(end - start + 1),
      "Content-Range": `bytes ${start}-${end}/${size}`,
    },
  });
}

function streamOf(file: string, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
}
