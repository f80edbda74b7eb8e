// Product pictures as pages show them (decision 049); shared by the portal and the back office.

export interface ProductImageView {
  id: number;
  url: string;
  width: number;
  height: number;
  altZh: string;
  altEn: string;
  isPrimary: boolean;
}

/** The portal URL of a product picture: answers only when the viewer's level may see the product. */
export function portalImageUrl(sku: string, imageId: number): string {
  return `/products/${encodeURIComponent(sku)}/images/${imageId}`;
}

/** The back-office URL of a product picture (catalog:browse). */
export function staffImageUrl(productId: number, imageId: number): string {
  return `/crm/products/${productId}/images/${imageId}`;
}

/** The alt text in the reader's language, else the other one, else the product's name. */
export function imageAlt(image: Pick<ProductImageView, "altZh" | "altEn">, locale: string, name: string): string {
  const [first, second] = locale.startsWith("zh") ? [image.altZh, image.altEn] : [image.altEn, image.altZh];
  return first || second || name;
}

/** What pages need of a picture row (Prisma select; the same for every surface). */
export const PRODUCT_IMAGE_SELECT = {
  id: true,
  width: true,
  height: true,
  altZh: true,
  altEn: true,
  isPrimary: true,
} as const;

/** Primary first, then in the staff's order. */
export const GALLERY_ORDER = [
  { isPrimary: "desc" },
  { position: "asc" },
  { id: "asc" },
] as const satisfies ReadonlyArray<Record<string, "asc" | "desc">>;

type ImageRow = Omit<ProductImageView, "url">;

/** Picture rows of one portal product as views with their portal URLs. */
export function portalImages(sku: string, rows: readonly ImageRow[]): ProductImageView[] {
  return rows.map((row) => ({ ...row, url: portalImageUrl(sku, row.id) }));
}
