import { existsSync } from "node:fs";

// Server-side PDFs need a font with Chinese glyphs: the standard 14 PDF fonts have none. We embed a
// subset of Noto Sans CJK (Debian's fonts-noto-cjk, installed by scripts/install-system-deps.sh),
// addressed inside its .ttc collection by PostScript name. PDF_FONT_REGULAR / PDF_FONT_BOLD override
// the files (then PDF_FONT_REGULAR_NAME / PDF_FONT_BOLD_NAME name the face for a .ttc).

export interface PdfFontFace {
  path: string;
  /** Face inside a collection (.ttc); undefined for a single-face file. */
  family?: string;
}

export interface PdfFonts {
  regular: PdfFontFace;
  bold: PdfFontFace;
}

const NOTO_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk"];

export class PdfFontMissingError extends Error {
  constructor() {
    super(
      "No CJK font for PDFs: install Debian's fonts-noto-cjk (scripts/install-system-deps.sh) or set PDF_FONT_REGULAR",
    );
  }
}

function fromEnv(pathVar: string, nameVar: string): PdfFontFace | null {
  const path = process.env[pathVar];
  if (!path || !existsSync(path)) return null;
  return { path, family: process.env[nameVar] || undefined };
}

function noto(file: string, family: string): PdfFontFace | null {
  for (const dir of NOTO_DIRS) {
    const path = `${dir}/${file}`;
    if (existsSync(path)) return { path, family };
  }
  return null;
}

let cached: PdfFonts | null = null;

/** The CJK faces to embed; throws PdfFontMissingError when none is installed. */
export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const regular =
    fromEnv("PDF_FONT_REGULAR", "PDF_FONT_REGULAR_NAME") ?? noto("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular");
  if (!regular) throw new PdfFontMissingError();
  const bold = fromEnv("PDF_FONT_BOLD", "PDF_FONT_BOLD_NAME") ?? noto("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold");
  cached = { regular, bold: bold ?? regular };
  return cached;
}
