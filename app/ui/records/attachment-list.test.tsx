import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "#app/lib/i18n/i18n-context.tsx";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { AttachmentList, type AttachmentItem } from "./attachment-list.tsx";

// #14 item 11: image attachments had no preview. Raster images get a thumbnail <img> linking to the
// full image in a new tab; PDFs, SVGs and untyped items stay plain download links.

const render = (items: AttachmentItem[], linkBase = "/zone/files") =>
  renderToStaticMarkup(
    <I18nProvider locale="zh-CN" messages={DICTIONARIES["zh-CN"]}>
      <AttachmentList items={items} linkBase={linkBase} />
    </I18nProvider>,
  );

describe("AttachmentList previews", () => {
  it("renders a thumbnail for each raster image, opening the full image in a new tab", () => {
    const html = render(
      [
        { id: 5, fileName: "截图.png", size: 2048, mimeType: "image/png" },
        { id: 6, fileName: "photo.webp", size: 4096, mimeType: "image/webp" },
      ],
      "/crm/files/",
    );
    expect(html).toMatch(/<img[^>]*src="\/crm\/files\/5"[^>]*alt="截图.png"/);
    expect(html).toMatch(/<img[^>]*src="\/crm\/files\/6"/);
    expect(html).toMatch(/<a[^>]*href="\/crm\/files\/5"[^>]*target="_blank"[^>]*rel="noopener noreferrer"/);
  });

  it("shows no <img> for PDFs, SVGs or items without a type", () => {
    const html = render([
      { id: 7, fileName: "manual.pdf", size: 100, mimeType: "application/pdf" },
      { id: 8, fileName: "x.svg", size: 100, mimeType: "image/svg+xml" },
      { id: 9, fileName: "old.png", size: 100 },
    ]);
    expect(html).not.toContain("<img");
    expect(html).toContain('href="/zone/files/7"');
    expect(html).toContain('href="/zone/files/8"');
  });
});
