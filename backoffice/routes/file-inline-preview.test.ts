import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { dispositionOf, requestWithPreviewFiles, withTemporaryUploads } from "#tests/factories/attachment-preview.ts";
import { get, outcome, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as staffFile } from "./file-download.ts";

// Issue #14 item 11: image attachments preview in the page, so the scoped file route serves raster
// images `inline` with their type; PDFs and anything else (an SVG above all: it can carry script)
// download as attachments. The portal's twin: portal/routes/zone-file-preview.test.ts.

withTemporaryUploads();
beforeEach(async () => {
  await resetDatabase();
});

describe("attachment previews on /crm/files", () => {
  it("serves images inline with their type to staff, and PDF/SVG as attachments", async () => {
    const { png, jpeg, pdf, svg } = await requestWithPreviewFiles(db);
    const { cookie } = await signedInStaff({ isAdmin: true });
    const fetchFile = (id: number) =>
      outcome(() => staffFile(get(`/crm/files/${id}`, cookie, { attachmentId: String(id) })));

    const image = await fetchFile(png.id);
    expect(image.status).toBe(200);
    expect(image.headers?.get("Content-Type")).toBe("image/png");
    expect(dispositionOf(image.headers)).toBe("inline");
    const photo = await fetchFile(jpeg.id);
    expect(photo.headers?.get("Content-Type")).toBe("image/jpeg");
    expect(dispositionOf(photo.headers)).toBe("inline");

    const manual = await fetchFile(pdf.id);
    expect(manual.status).toBe(200);
    expect(manual.headers?.get("Content-Type")).toBe("application/pdf");
    expect(dispositionOf(manual.headers)).toBe("attachment");
    const vector = await fetchFile(svg.id);
    expect(dispositionOf(vector.headers)).toBe("attachment");
    expect(vector.headers?.get("Content-Security-Policy")).toContain("sandbox");
  });
});
