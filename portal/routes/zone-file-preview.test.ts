import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { dispositionOf, requestWithPreviewFiles, withTemporaryUploads } from "#tests/factories/attachment-preview.ts";
import { get, memberCookieFor, outcome } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as zoneFile } from "./zone-file.ts";

// Issue #14 item 11, customer side: the zone's file route serves raster images inline (the request
// page previews them), PDFs and SVGs as attachments, and still hides other zones' files.

withTemporaryUploads();
beforeEach(async () => {
  await resetDatabase();
});

describe("attachment previews on /zone/files", () => {
  it("serves the member's images inline, PDF/SVG as attachments, and nothing to another zone", async () => {
    const { s, png, pdf, svg } = await requestWithPreviewFiles(db);
    const fetchFile = async (memberId: number, id: number) => {
      const cookie = await memberCookieFor(memberId);
      return outcome(() => zoneFile(get(`/zone/files/${id}`, cookie, { attachmentId: String(id) })));
    };

    const image = await fetchFile(s.a.admin.member.id, png.id);
    expect(image.status).toBe(200);
    expect(image.headers?.get("Content-Type")).toBe("image/png");
    expect(dispositionOf(image.headers)).toBe("inline");
    expect(dispositionOf((await fetchFile(s.a.admin.member.id, pdf.id)).headers)).toBe("attachment");
    expect(dispositionOf((await fetchFile(s.a.admin.member.id, svg.id)).headers)).toBe("attachment");
    expect((await fetchFile(s.b.admin.member.id, png.id)).status).toBe(404);
  });
});
