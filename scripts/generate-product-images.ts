// Draws the demo product pictures (decision 049): simple shapes per product family with the
// product's name, as PNG files under prisma/seed/product-images/ that the demo seed stores through
// the product-image service. Run once by hand when the list changes (needs pdftoppm, poppler-utils):
//   npx tsx scripts/generate-product-images.ts
// Drawn with pdfkit (the CJK font of the PDF module) and rasterised by pdftoppm: no image library
// is installed, and no picture is downloaded.
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { pdfFonts } from "#app/lib/pdf/fonts.server.ts";
import { DEMO_PRODUCT_PICTURES, type PictureShape } from "../prisma/seed/demo-product-images-list.ts";

const WIDTH = 640;
const HEIGHT = 480;
const OUT = path.resolve("prisma/seed/product-images");

type Doc = InstanceType<typeof PDFDocument>;

function machine(doc: Doc, shape: PictureShape, color: string): void {
  doc.save().lineWidth(3).strokeColor("#1e293b");
  if (shape === "balancer") {
    doc.rect(120, 250, 400, 50).fill(color);
    doc.rect(170, 190, 40, 60).fill("#475569");
    doc.rect(430, 190, 40, 60).fill("#475569");
    doc.circle(320, 200, 55).fill("#94a3b8");
    doc.circle(320, 200, 20).fill("#334155");
    doc.rect(200, 192, 240, 16).fill("#64748b");
    doc.rect(470, 110, 90, 70).fill("#0f172a");
    doc.rect(478, 118, 74, 46).fill("#38bdf8");
  } else if (shape === "cnc") {
    doc.roundedRect(110, 90, 420, 220, 14).fill(color);
    doc.roundedRect(140, 120, 240, 160, 8).fill("#e2e8f0");
    doc.rect(160, 200, 200, 14).fill("#64748b");
    doc.circle(200, 207, 26).fill("#94a3b8");
    doc.rect(400, 120, 100, 70).fill("#0f172a");
    doc.rect(408, 128, 84, 54).fill("#22c55e");
    [0, 1, 2].forEach((i) => doc.circle(420 + i * 30, 230, 9).fill("#f8fafc"));
  } else if (shape === "compressor") {
    doc.roundedRect(130, 110, 380, 200, 18).fill(color);
    for (let i = 0; i < 7; i += 1) doc.rect(160, 140 + i * 20, 150, 8).fill("#e2e8f0");
    doc.circle(420, 190, 50).fill("#f8fafc");
    doc.circle(420, 190, 36).fill("#cbd5e1");
    doc.moveTo(420, 190).lineTo(448, 168).stroke();
    doc.rect(150, 310, 40, 14).fill("#334155");
    doc.rect(450, 310, 40, 14).fill("#334155");
  } else {
    doc.roundedRect(230, 70, 180, 260, 22).fill(color);
    doc.roundedRect(252, 94, 136, 96, 8).fill("#0f172a");
    doc.fontSize(34).fillColor("#4ade80").font("bold").text("0.82", 252, 122, { width: 136, align: "center" });
    [0, 1, 2].forEach((i) => doc.circle(275 + i * 45, 230, 14).fill("#f8fafc"));
    doc.roundedRect(290, 270, 60, 40, 6).fill("#e2e8f0");
  }
  doc.restore();
}

async function draw(name: string, sku: string, shape: PictureShape, color: string): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({ size: [WIDTH, HEIGHT], margin: 0 });
  doc.registerFont("regular", fonts.regular.path, fonts.regular.family);
  doc.registerFont("bold", fonts.bold.path, fonts.bold.family);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  doc.rect(0, 0, WIDTH, HEIGHT).fill("#f1f5f9");
  doc.rect(0, 340, WIDTH, 140).fill("#ffffff");
  machine(doc, shape, color);
  doc
    .font("bold")
    .fontSize(30)
    .fillColor("#0f172a")
    .text(name, 30, 372, { width: WIDTH - 60, align: "center" });
  doc
    .font("regular")
    .fontSize(16)
    .fillColor("#64748b")
    .text(sku, 30, 420, { width: WIDTH - 60, align: "center" });
  doc.end();
  return done;
}

const work = mkdtempSync(path.join(tmpdir(), "product-images-"));
try {
  for (const picture of DEMO_PRODUCT_PICTURES) {
    const pdf = path.join(work, `${picture.sku}.pdf`);
    writeFileSync(pdf, await draw(picture.name, picture.sku, picture.shape, picture.color));
    execFileSync("pdftoppm", ["-png", "-r", "72", "-singlefile", pdf, path.join(work, picture.sku)]);
    renameSync(path.join(work, `${picture.sku}.png`), path.join(OUT, `${picture.sku}.png`));
    console.log(`${picture.sku}.png`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
