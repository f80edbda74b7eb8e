import { rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { MemberLevel } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  ATTACHMENT_MAX_FILES,
  attachStored,
  attachmentResponse,
  cleanFileName,
  discardStored,
  readAttachment,
  storagePath,
  storeUploads,
  type Uploader,
} from "#app/modules/files/attachments.server.ts";
import { catalogLevel, portalVisibleWhere } from "./portal-catalog.server.ts";
import {
  GALLERY_ORDER,
  PRODUCT_IMAGE_SELECT as IMAGE_SELECT,
  portalImages,
  staffImageUrl,
  type ProductImageView,
} from "./images.ts";
import { plausibleSize, sniffImage, type ImageMime, type SniffedImage } from "./images-sniff.ts";

// Product pictures (issue #18 item 1, decision 049): several per product, ordered, one primary, alt
// text zh/en. Bytes go through the attachment storage (owner type "product_image", owner = product);
// the format is decided from the bytes (the header must parse to a plausible size), not the name.
// Portal reads apply the member level's product visibility in the query itself, so a product the
// viewer may not see has no pictures for them either.

export const PRODUCT_IMAGE_OWNER = "product_image" as const;
export const PRODUCT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Pictures per product: a gallery, not an archive. */
export const PRODUCT_IMAGES_MAX = 12;

const EXTENSION: Record<ImageMime, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

export const ImageAltInput = z.object({
  altZh: z.string().trim().max(200).default(""),
  altEn: z.string().trim().max(200).default(""),
});
export type ImageAlt = z.infer<typeof ImageAltInput>;

interface CheckedImage {
  file: File;
  image: SniffedImage;
}

/** Reads each file's bytes and decides what it is; every problem comes back as a form error. */
export async function checkImageFiles(
  files: readonly File[],
): Promise<{ ok: true; images: CheckedImage[] } | { ok: false; errors: MessageKey[] }> {
  const errors = new Set<MessageKey>();
  if (files.length === 0) errors.add("catalogImages.error.none");
  if (files.length > ATTACHMENT_MAX_FILES) errors.add("catalogImages.error.tooMany");
  const images: CheckedImage[] = [];
  for (const file of files.slice(0, ATTACHMENT_MAX_FILES)) {
    if (file.size === 0 || file.size > PRODUCT_IMAGE_MAX_BYTES) {
      errors.add(file.size === 0 ? "catalogImages.error.type" : "catalogImages.error.tooLarge");
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const image = sniffImage(bytes);
    if (!image) errors.add("catalogImages.error.type");
    else if (!plausibleSize(image)) errors.add("catalogImages.error.dimensions");
    else {
      // The stored name carries the extension of what the bytes are (the storage types by extension).
      const base = path.parse(cleanFileName(file.name)).name || "image";
      const named = new File([bytes], `${base}.${EXTENSION[image.mime]}`, { type: image.mime });
      images.push({ file: named, image });
    }
  }
  return errors.size > 0 ? { ok: false, errors: [...errors] } : { ok: true, images };
}

async function productExists(db: DbOrTx, productId: number): Promise<boolean> {
  return (await db.product.findUnique({ where: { id: productId }, select: { id: true } })) !== null;
}

/** Adds pictures to a product (alt text for all of them); the first picture a product gets is primary. */
export async function uploadProductImages(
  db: Db,
  actor: StaffActor,
  productId: number,
  files: readonly File[],
  alt: ImageAlt,
): Promise<ServiceResult<{ ids: number[] }>> {
  if (!can(actor, "catalog", "modify")) return forbidden();
  if (!(await productExists(db, productId))) return notFound();
  return addProductImages(db, productId, files, alt, { staffId: actor.staffId });
}

/**
 * The upload without the caller's rights (checked by `uploadProductImages`; the demo seed calls it
 * directly): validate, store the files, then the rows in one transaction; a failure leaves no file.
 */
export async function addProductImages(
  db: Db,
  productId: number,
  files: readonly File[],
  alt: ImageAlt,
  uploader: Uploader,
): Promise<ServiceResult<{ ids: number[] }>> {
  const checked = await checkImageFiles(files);
  if (!checked.ok) return invalid({ images: checked.errors });
  const existing = await db.productImage.count({ where: { productId } });
  if (existing + checked.images.length > PRODUCT_IMAGES_MAX) return invalid({ images: ["catalogImages.error.full"] });
  const stored = await storeUploads(checked.images.map((c) => c.file));
  try {
    const ids = await db.$transaction(async (tx) => {
      const rows = await attachStored(tx, stored, { type: PRODUCT_IMAGE_OWNER, id: productId }, uploader);
      const last = await tx.productImage.aggregate({ where: { productId }, _max: { position: true } });
      const hasPrimary = (await tx.productImage.count({ where: { productId, isPrimary: true } })) > 0;
      const created: number[] = [];
      for (const [i, row] of rows.entries()) {
        const { width, height } = checked.images[i]!.image;
        const image = await tx.productImage.create({
          data: {
            productId,
            attachmentId: row.id,
            position: (last._max.position ?? -1) + 1 + i,
            isPrimary: !hasPrimary && i === 0,
            altZh: alt.altZh,
            altEn: alt.altEn,
            width,
            height,
          },
          select: { id: true },
        });
        created.push(image.id);
      }
      return created;
    });
    return ok({ ids });
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
}

function mayModify(actor: StaffActor) {
  return can(actor, "catalog", "modify");
}

/** The alt texts of one picture of this product. */
export async function updateImageAlt(
  db: DbOrTx,
  actor: StaffActor,
  productId: number,
  imageId: number,
  alt: ImageAlt,
): Promise<ServiceResult<undefined>> {
  if (!mayModify(actor)) return forbidden();
  const updated = await db.productImage.updateMany({ where: { id: imageId, productId }, data: alt });
  return updated.count === 0 ? notFound() : ok();
}

/** Makes one picture the product's primary one (the catalog card, the first in the gallery). */
export async function setPrimaryImage(
  db: Db,
  actor: StaffActor,
  productId: number,
  imageId: number,
): Promise<ServiceResult<undefined>> {
  if (!mayModify(actor)) return forbidden();
  return db.$transaction(async (tx) => {
    const image = await tx.productImage.findFirst({ where: { id: imageId, productId }, select: { id: true } });
    if (!image) return notFound();
    await tx.productImage.updateMany({ where: { productId, isPrimary: true }, data: { isPrimary: false } });
    await tx.productImage.update({ where: { id: imageId }, data: { isPrimary: true } });
    return ok();
  });
}

/** Swaps a picture with its neighbour in the staff's order. */
export async function moveImage(
  db: Db,
  actor: StaffActor,
  productId: number,
  imageId: number,
  direction: "up" | "down",
): Promise<ServiceResult<undefined>> {
  if (!mayModify(actor)) return forbidden();
  return db.$transaction(async (tx) => {
    const rows = await tx.productImage.findMany({
      where: { productId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const index = rows.findIndex((r) => r.id === imageId);
    if (index < 0) return notFound();
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return ok();
    const order = rows.map((r) => r.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    // Positions are rewritten densely, which also repairs gaps left by deletions.
    for (const [position, id] of order.entries()) await tx.productImage.update({ where: { id }, data: { position } });
    return ok();
  });
}

/** Removes a picture and its file; when it was primary, the next in order becomes primary. */
export async function deleteImage(
  db: Db,
  actor: StaffActor,
  productId: number,
  imageId: number,
): Promise<ServiceResult<undefined>> {
  if (!mayModify(actor)) return forbidden();
  const removed = await db.$transaction(async (tx) => {
    const image = await tx.productImage.findFirst({
      where: { id: imageId, productId },
      select: { isPrimary: true, attachment: { select: { id: true, storageKey: true } } },
    });
    if (!image) return null;
    // Deleting the attachment row cascades to the picture row.
    await tx.attachment.delete({ where: { id: image.attachment.id } });
    if (image.isPrimary) {
      const next = await tx.productImage.findFirst({
        where: { productId },
        orderBy: [...GALLERY_ORDER],
        select: { id: true },
      });
      if (next) await tx.productImage.update({ where: { id: next.id }, data: { isPrimary: true } });
    }
    return image.attachment.storageKey;
  });
  if (removed === null) return notFound();
  await rm(storagePath(removed), { force: true });
  return ok();
}

/** Every picture of a product for the back office (its own URLs). */
export async function listProductImages(db: DbOrTx, productId: number): Promise<ProductImageView[]> {
  const rows = await db.productImage.findMany({
    where: { productId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: IMAGE_SELECT,
  });
  return rows.map((r) => ({ ...r, url: staffImageUrl(productId, r.id) }));
}

/** A picture's bytes for staff who may browse the catalog; another product's picture id is a 404. */
export async function staffImageResponse(db: DbOrTx, productId: number, imageId: number): Promise<Response | null> {
  const file = await readAttachment(
    db,
    (await db.productImage.findFirst({ where: { id: imageId, productId }, select: { attachmentId: true } }))
      ?.attachmentId ?? 0,
    (a) => a.ownerType === PRODUCT_IMAGE_OWNER && a.ownerId === productId,
  );
  return file ? imageResponse(attachmentResponse(file.attachment, file.body)) : null;
}

/**
 * A picture's bytes for a portal viewer: found only through a product their level may see (the
 * visibility rule is part of the query), so another level's product answers exactly like a missing one.
 */
export async function portalImageResponse(
  db: DbOrTx,
  memberId: number | null,
  sku: string,
  imageId: number,
): Promise<Response | null> {
  if (!sku || sku.length > 64 || !Number.isInteger(imageId) || imageId <= 0) return null;
  const level = await catalogLevel(db, memberId);
  const image = await db.productImage.findFirst({
    where: { id: imageId, product: { AND: [{ sku }, portalVisibleWhere(level)] } },
    select: { attachmentId: true, productId: true },
  });
  if (!image) return null;
  const file = await readAttachment(
    db,
    image.attachmentId,
    (a) => a.ownerType === PRODUCT_IMAGE_OWNER && a.ownerId === image.productId,
  );
  return file ? imageResponse(attachmentResponse(file.attachment, file.body)) : null;
}

/**
 * Picture bytes never change under an id, so browsers may keep them a while; private, because
 * whether a viewer may see one depends on who they are.
 */
function imageResponse(response: Response): Response {
  response.headers.set("Cache-Control", "private, max-age=300");
  return response;
}

/** The pictures of products a level may see, by SKU (primary first); `primaryOnly` for card grids. */
export async function portalImagesBySku(
  db: DbOrTx,
  level: MemberLevel,
  skus: readonly string[],
  primaryOnly = false,
): Promise<Record<string, ProductImageView[]>> {
  if (skus.length === 0) return {};
  const rows = await db.productImage.findMany({
    where: {
      product: { AND: [{ sku: { in: [...skus] } }, portalVisibleWhere(level)] },
      ...(primaryOnly ? { isPrimary: true } : {}),
    },
    orderBy: [...GALLERY_ORDER],
    select: { ...IMAGE_SELECT, product: { select: { sku: true } } },
  });
  const out: Record<string, ProductImageView[]> = {};
  for (const { product, ...image } of rows) (out[product.sku] ??= []).push(...portalImages(product.sku, [image]));
  return out;
}

/** Each product's primary picture for a member (or a visitor: null), of their level's products only. */
export async function memberPrimaryImages(
  db: DbOrTx,
  memberId: number | null,
  skus: readonly string[],
): Promise<Record<string, ProductImageView>> {
  const images = await portalImagesBySku(db, await catalogLevel(db, memberId), skus, true);
  return Object.fromEntries(Object.entries(images).flatMap(([sku, list]) => (list[0] ? [[sku, list[0]]] : [])));
}
