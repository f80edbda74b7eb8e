// What an uploaded picture really is, read from its bytes (decision 049): the format's header must
// parse and give a plausible size, whatever the file name or the browser claims. The size goes into
// `width`/`height` so pages reserve the box before the picture loads (no thumbnails are generated:
// no image library is installed and sharp's native binary cannot be fetched here).

export type ImageMime = "image/png" | "image/jpeg" | "image/gif" | "image/webp";

export interface SniffedImage {
  mime: ImageMime;
  width: number;
  height: number;
}

/** Larger pictures are refused: a product photo needs no more, and huge ones exhaust browsers. */
export const MAX_IMAGE_SIDE = 8000;
export const MAX_IMAGE_PIXELS = 40_000_000;

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function png(b: Uint8Array, v: DataView): SniffedImage | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !signature.every((x, i) => b[i] === x) || ascii(b, 12, 4) !== "IHDR") return null;
  return { mime: "image/png", width: v.getUint32(16), height: v.getUint32(20) };
}

function gif(b: Uint8Array, v: DataView): SniffedImage | null {
  const head = ascii(b, 0, 6);
  if (b.length < 10 || (head !== "GIF87a" && head !== "GIF89a")) return null;
  return { mime: "image/gif", width: v.getUint16(6, true), height: v.getUint16(8, true) };
}

/** JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC). */
function jpeg(b: Uint8Array, v: DataView): SniffedImage | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    const length = v.getUint16(at + 2);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: "image/jpeg", height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data before any frame header
    at += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array, v: DataView): SniffedImage | null {
  if (b.length < 30 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { mime: "image/webp", width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return null;
    const bits = v.getUint32(21, true);
    return { mime: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    const width = 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16));
    const height = 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16));
    return { mime: "image/webp", width, height };
  }
  return null;
}

/** The picture's format and size, or null when the bytes are not a PNG, JPEG, GIF or WebP image. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return png(bytes, view) ?? jpeg(bytes, view) ?? gif(bytes, view) ?? webp(bytes, view);
}

/** A size a browser can show: not empty, not absurd. */
export function plausibleSize(image: SniffedImage): boolean {
  const { width, height } = image;
  return (
    width > 0 && height > 0 && width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE && width * height <= MAX_IMAGE_PIXELS
  );
}
