import { describe, expect, it } from "vitest";
import { gifBytes, jpegBytes, pngBytes, webpBytes } from "./images.test-helpers.ts";
import { plausibleSize, sniffImage } from "./images-sniff.ts";

// The format and size of an upload come from its bytes (decision 049).

describe("sniffImage", () => {
  it("reads PNG, JPEG, GIF and WebP sizes from their headers", () => {
    expect(sniffImage(pngBytes(640, 480))).toEqual({ mime: "image/png", width: 640, height: 480 });
    expect(sniffImage(jpegBytes(1024, 768))).toEqual({ mime: "image/jpeg", width: 1024, height: 768 });
    expect(sniffImage(gifBytes(33, 17))).toEqual({ mime: "image/gif", width: 33, height: 17 });
    expect(sniffImage(webpBytes(300, 200))).toEqual({ mime: "image/webp", width: 300, height: 200 });
  });

  it("refuses a file that only starts like an image, text, an SVG and empty bytes", () => {
    const magicOnly = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from("<script>alert(1)</script>")]);
    expect(sniffImage(magicOnly)).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImage(Buffer.from("just text, named photo.png"))).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
    expect(sniffImage(pngBytes(4, 4).subarray(0, 20))).toBeNull();
  });

  it("calls empty and oversized pictures implausible", () => {
    expect(plausibleSize(sniffImage(pngBytes(8000, 5000))!)).toBe(true);
    expect(plausibleSize(sniffImage(pngBytes(0, 10))!)).toBe(false);
    expect(plausibleSize(sniffImage(pngBytes(8001, 10))!)).toBe(false);
    expect(plausibleSize(sniffImage(pngBytes(7000, 7000))!)).toBe(false);
  });
});
