import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "#app/lib/db.server.ts";
import { addProductImages } from "#app/modules/catalog/images.server.ts";
import { DEMO_PRODUCT_PICTURES } from "./demo-product-images-list.ts";

// Demo pictures for ten catalog products (decision 049), drawn by scripts/generate-product-images.ts
// and stored through the product-image service like an upload. Products that already have pictures
// are left alone, so seeding twice adds nothing.

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "product-images");

export async function seedDemoProductImages(db: Db): Promise<{ images: number }> {
  let images = 0;
  for (const picture of DEMO_PRODUCT_PICTURES) {
    const product = await db.product.findUnique({
      where: { sku: picture.sku },
      select: { id: true, _count: { select: { images: true } } },
    });
    if (!product || product._count.images > 0) continue;
    const bytes = await readFile(path.join(DIR, `${picture.sku}.png`));
    const file = new File([bytes], `${picture.sku}.png`, { type: "image/png" });
    const result = await addProductImages(db, product.id, [file], { altZh: picture.name, altEn: picture.altEn }, {});
    if (result.status !== "ok") throw new Error(`demo picture ${picture.sku}: ${result.status}`);
    images += 1;
  }
  return { images };
}
