import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  deleteImage,
  listProductImages,
  memberPrimaryImages,
  moveImage,
  portalImageResponse,
  PRODUCT_IMAGE_MAX_BYTES,
  setPrimaryImage,
  staffImageResponse,
  updateImageAlt,
  uploadProductImages,
} from "./images.server.ts";
import { file, gifBytes, jpegBytes, pngBytes, webpBytes } from "./images.test-helpers.ts";
import { getPortalProduct, listPortalCatalog, parseCatalogQuery } from "./portal-catalog.server.ts";

// Product images (decision 049): uploads are judged by their bytes, nothing is written for a refused
// upload, one picture is primary, and a product the viewer's level may not see has no pictures for
// them (the URL answers like a missing one).

// One reset for the file (truncating every table is slow on a busy machine): each test makes its own
// products (unique SKUs) and counts what it added.
let uploads: string;
let serial = 0;
beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), "product-images-"));
  process.env.UPLOAD_DIR = uploads;
  await resetDatabase();
}, 180_000);
afterAll(async () => {
  delete process.env.UPLOAD_DIR;
  await rm(uploads, { recursive: true, force: true });
});

async function storedFiles(): Promise<number> {
  const dirs = await readdir(uploads).catch(() => []);
  let count = 0;
  for (const dir of dirs) count += (await readdir(path.join(uploads, dir))).length;
  return count;
}

const NO_ALT = { altZh: "", altEn: "" };

async function setup() {
  const { staff } = await createTestStaff(db);
  const editor = staffActorFor(staff, { grants: { catalog: { browse: "all", modify: "all" } } });
  const reader = staffActorFor(staff, { grants: { catalog: { browse: "all" } } });
  const n = ++serial;
  const make = (sku: string, flags: { portalProspect?: boolean; portalCustomer?: boolean; active?: boolean }) =>
    db.product.create({ data: { sku: `${sku}-${n}`, name: `产品 ${sku} ${n}`, unitPrice: "1000.00", ...flags } });
  const everyone = await make("IMG-ALL", { portalProspect: true, portalCustomer: true });
  const customers = await make("IMG-CUST", { portalCustomer: true });
  const retired = await make("IMG-OLD", { portalProspect: true, portalCustomer: true, active: false });
  return { editor, reader, everyone, customers, retired };
}

describe("uploading product images", () => {
  it("decides the type from the bytes, keeps the size, and makes the first picture primary", async () => {
    const { editor, everyone } = await setup();
    const before = await storedFiles();
    // A PNG named .jpg, a JPEG without an extension, a GIF and a WebP: all accepted as what they are.
    const result = await uploadProductImages(
      db,
      editor,
      everyone.id,
      [
        file(pngBytes(640, 480), "照片.jpg", "image/jpeg"),
        file(jpegBytes(800, 600), "camera"),
        file(gifBytes(40, 30), "a.gif"),
        file(webpBytes(300, 200), "b.webp"),
      ],
      { altZh: "卧式动平衡机正面", altEn: "Front view" },
    );
    expect(result.status).toBe("ok");
    const images = await listProductImages(db, everyone.id);
    expect(images.map((i) => [i.width, i.height, i.isPrimary])).toEqual([
      [640, 480, true],
      [800, 600, false],
      [40, 30, false],
      [300, 200, false],
    ]);
    expect(images[0]).toMatchObject({ altZh: "卧式动平衡机正面", altEn: "Front view" });
    const attachments = await db.attachment.findMany({
      where: { ownerType: "product_image", ownerId: everyone.id },
      orderBy: { id: "asc" },
    });
    expect(attachments.map((a) => [a.fileName, a.mimeType])).toEqual([
      ["照片.png", "image/png"],
      ["camera.jpg", "image/jpeg"],
      ["a.gif", "image/gif"],
      ["b.webp", "image/webp"],
    ]);
    expect(await storedFiles()).toBe(before + 4);
  });

  it("refuses what is not a picture (whatever its name), oversized, huge or too many files, writing nothing", async () => {
    const { editor, everyone } = await setup();
    const before = await storedFiles();
    const magicOnly = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from("<html><script>x</script>")]);
    const cases: Array<[File[], string]> = [
      [[file(Buffer.from("<svg onload='alert(1)'/>"), "logo.png")], "catalogImages.error.type"],
      [[file(magicOnly, "fake.png")], "catalogImages.error.type"],
      [[file(Buffer.alloc(0), "empty.png")], "catalogImages.error.type"],
      [
        [file(Buffer.concat([pngBytes(10, 10), Buffer.alloc(PRODUCT_IMAGE_MAX_BYTES)]), "big.png")],
        "catalogImages.error.tooLarge",
      ],
      [[file(pngBytes(9000, 100), "wide.png")], "catalogImages.error.dimensions"],
      [[file(pngBytes(0, 100), "zero.png")], "catalogImages.error.dimensions"],
      [Array.from({ length: 6 }, (_, i) => file(pngBytes(10, 10), `${i}.png`)), "catalogImages.error.tooMany"],
      [[], "catalogImages.error.none"],
      // One bad file spoils the batch: the good one is not stored either.
      [[file(pngBytes(10, 10), "ok.png"), file(Buffer.from("MZ\x90\x00"), "setup.png")], "catalogImages.error.type"],
    ];
    for (const [files, key] of cases) {
      const result = await uploadProductImages(db, editor, everyone.id, files, NO_ALT);
      expect(result.status, key).toBe("invalid");
      if (result.status === "invalid") expect(result.fieldErrors.images).toContain(key);
    }
    expect(await db.productImage.count({ where: { productId: everyone.id } })).toBe(0);
    expect(await db.attachment.count({ where: { ownerType: "product_image", ownerId: everyone.id } })).toBe(0);
    expect(await storedFiles()).toBe(before);
  });

  it("caps a product at 12 pictures", async () => {
    const { editor, everyone } = await setup();
    for (let i = 0; i < 2; i += 1) {
      const files = Array.from({ length: i === 0 ? 5 : 5 }, (_, n) => file(pngBytes(10 + n, 10), `${n}.png`));
      expect((await uploadProductImages(db, editor, everyone.id, files, NO_ALT)).status).toBe("ok");
    }
    const three = Array.from({ length: 3 }, (_, n) => file(pngBytes(10, 10 + n), `${n}.png`));
    const full = await uploadProductImages(db, editor, everyone.id, three, NO_ALT);
    expect(full).toMatchObject({ status: "invalid", fieldErrors: { images: ["catalogImages.error.full"] } });
    expect(await db.productImage.count({ where: { productId: everyone.id } })).toBe(10);
  });

  it("needs catalog:modify and an existing product", async () => {
    const { editor, reader, everyone } = await setup();
    const before = await storedFiles();
    const png = () => [file(pngBytes(10, 10), "a.png")];
    expect((await uploadProductImages(db, reader, everyone.id, png(), NO_ALT)).status).toBe("forbidden");
    expect((await uploadProductImages(db, editor, 999_999, png(), NO_ALT)).status).toBe("not-found");
    expect(await storedFiles()).toBe(before);
  });
});

describe("arranging product images", () => {
  it("moves, switches the primary picture, edits alt text, and deletes with the file", async () => {
    const { editor, reader, everyone, customers } = await setup();
    const before = await storedFiles();
    const files = [1, 2, 3].map((n) => file(pngBytes(n * 10, 10), `${n}.png`));
    await uploadProductImages(db, editor, everyone.id, files, NO_ALT);
    const [a, b, c] = (await listProductImages(db, everyone.id)).map((i) => i.id) as [number, number, number];

    expect((await moveImage(db, editor, everyone.id, c, "up")).status).toBe("ok");
    expect((await listProductImages(db, everyone.id)).map((i) => i.id)).toEqual([a, c, b]);
    expect((await moveImage(db, editor, everyone.id, a, "up")).status).toBe("ok"); // already first: no change
    expect((await listProductImages(db, everyone.id)).map((i) => i.id)).toEqual([a, c, b]);

    expect((await setPrimaryImage(db, editor, everyone.id, b)).status).toBe("ok");
    expect((await listProductImages(db, everyone.id)).filter((i) => i.isPrimary).map((i) => i.id)).toEqual([b]);

    expect((await updateImageAlt(db, editor, everyone.id, c, { altZh: "侧面", altEn: "Side" })).status).toBe("ok");
    expect((await listProductImages(db, everyone.id)).find((i) => i.id === c)).toMatchObject({ altZh: "侧面" });

    // Another product's id, or a reader: nothing changes.
    expect((await setPrimaryImage(db, editor, customers.id, a)).status).toBe("not-found");
    expect((await updateImageAlt(db, editor, customers.id, a, { altZh: "x", altEn: "" })).status).toBe("not-found");
    expect((await deleteImage(db, editor, customers.id, a)).status).toBe("not-found");
    expect((await deleteImage(db, reader, everyone.id, a)).status).toBe("forbidden");
    expect((await moveImage(db, reader, everyone.id, a, "down")).status).toBe("forbidden");

    // Deleting the primary picture hands "primary" to the next in order and removes the file.
    expect((await deleteImage(db, editor, everyone.id, b)).status).toBe("ok");
    const left = await listProductImages(db, everyone.id);
    expect(left.map((i) => [i.id, i.isPrimary])).toEqual([
      [a, true],
      [c, false],
    ]);
    expect(await db.attachment.count({ where: { ownerType: "product_image", ownerId: everyone.id } })).toBe(2);
    expect(await storedFiles()).toBe(before + 2);
  });
});

describe("product images in the portal", () => {
  it("serves a picture only to viewers whose level may see the product", async () => {
    const { editor, everyone, customers, retired } = await setup();
    for (const p of [everyone, customers, retired]) {
      await uploadProductImages(db, editor, p.id, [file(pngBytes(64, 48), "p.png")], NO_ALT);
    }
    const [open, custOnly, old] = await Promise.all(
      [everyone, customers, retired].map(async (p) => (await listProductImages(db, p.id))[0]!.id),
    );
    const { member: prospect } = await createTestMember(db, { level: "prospect" });
    const { member: customer } = await createTestMember(db, { level: "customer" });

    const ok = await portalImageResponse(db, customer.id, customers.sku, custOnly!);
    expect(ok?.status).toBe(200);
    expect(ok?.headers.get("Content-Type")).toBe("image/png");
    expect(ok?.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(ok?.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect(Buffer.from(await ok!.arrayBuffer()).equals(pngBytes(64, 48))).toBe(true);

    // Another level, a visitor, a retired product, a picture under another product's SKU: missing.
    expect(await portalImageResponse(db, prospect.id, customers.sku, custOnly!)).toBeNull();
    expect(await portalImageResponse(db, null, customers.sku, custOnly!)).toBeNull();
    expect(await portalImageResponse(db, customer.id, retired.sku, old!)).toBeNull();
    expect(await portalImageResponse(db, prospect.id, everyone.sku, custOnly!)).toBeNull();
    expect(await portalImageResponse(db, null, everyone.sku, open!)).not.toBeNull();

    // Lists and pages carry only the pictures of visible products.
    const skus = [everyone.sku, customers.sku, retired.sku];
    expect(Object.keys(await memberPrimaryImages(db, prospect.id, skus))).toEqual([everyone.sku]);
    const cards = await listPortalCatalog(db, customer.id, parseCatalogQuery(new URLSearchParams()));
    expect(cards.items.filter((i) => skus.includes(i.sku)).map((i) => [i.sku, i.image?.url])).toEqual([
      [everyone.sku, `/products/${everyone.sku}/images/${open}`],
      [customers.sku, `/products/${customers.sku}/images/${custOnly}`],
    ]);
    expect((await getPortalProduct(db, customer.id, customers.sku))?.images.map((i) => i.id)).toEqual([custOnly]);
    expect((await getPortalProduct(db, prospect.id, customers.sku))?.images).toBeUndefined();
  });

  it("serves staff a picture of the product named in the URL only", async () => {
    const { editor, everyone, customers } = await setup();
    await uploadProductImages(db, editor, everyone.id, [file(pngBytes(20, 20), "a.png")], NO_ALT);
    const id = (await listProductImages(db, everyone.id))[0]!.id;
    expect((await staffImageResponse(db, everyone.id, id))?.status).toBe(200);
    expect(await staffImageResponse(db, customers.id, id)).toBeNull();
  });
});
