import type { MemberLevel, Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { GALLERY_ORDER, PRODUCT_IMAGE_SELECT, portalImages, type ProductImageView } from "./images.ts";
import { portalSchemes } from "./portal-pricing.server.ts";
import { productSearchWhere } from "./products.server.ts";
import { fenToDecimalString, priceLine, type PriceScheme } from "./pricing.ts";

// The portal catalog (#18 item 3, decision 040): members browse and search the products their level
// may see (Product.portalProspect / portalCustomer / portalPartner); visitors see what prospects see.
// Search matches the name, SKU and product line, and the pinyin key (full and initials: "pinghengji",
// "phj"), as the back-office list does. A product outside the viewer's level reads as missing. Cost
// never leaves through here; prices are the viewer's price scheme (tiers for their level/company).

export const PORTAL_CATALOG_PAGE_SIZE = 24;

/** The catalog's viewer: a member's level, or a visitor (null), who sees what prospects see. */
export async function catalogLevel(db: DbOrTx, memberId: number | null): Promise<MemberLevel> {
  if (!memberId) return "prospect";
  const member = await db.member.findUnique({ where: { id: memberId }, select: { level: true } });
  return member?.level ?? "prospect";
}

/** Active products the level may see in the portal. */
export function portalVisibleWhere(level: MemberLevel): Prisma.ProductWhereInput {
  const flag =
    level === "partner"
      ? { portalPartner: true }
      : level === "customer"
        ? { portalCustomer: true }
        : { portalProspect: true };
  return { active: true, ...flag };
}

export interface CatalogQuery {
  q: string;
  category: number | null;
  page: number;
}

/** Reads ?q=&category=&page= without ever failing (odd values fall back). */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const category = Number(params.get("category"));
  const page = Number(params.get("page"));
  return {
    q,
    category: Number.isInteger(category) && category > 0 && category <= 2_147_483_647 ? category : null,
    page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : 1,
  };
}

/** What every catalog view shows of a product (never its cost). */
const CARD_SELECT = {
  sku: true,
  name: true,
  unit: true,
  unitPrice: true,
  productLine: true,
  keyFeatures: true,
} satisfies Prisma.ProductSelect;

export interface CatalogCard {
  sku: string;
  name: string;
  unit: string;
  /** The viewer's price for one unit (their scheme's base price), decimal string. */
  price: string;
  productLine: string | null;
  categoryName: string | null;
  /** The first key feature line, as a teaser. */
  teaser: string | null;
  /** The primary picture (decision 049), if the product has any. */
  image: ProductImageView | null;
}

function firstLine(text: string | null): string | null {
  return (
    text
      ?.split("\n")
      .find((l) => l.trim())
      ?.trim() ?? null
  );
}

/** One page of the catalog for the viewer, with the categories that hold products they may see. */
export async function listPortalCatalog(db: DbOrTx, memberId: number | null, query: CatalogQuery) {
  const level = await catalogLevel(db, memberId);
  const visible = portalVisibleWhere(level);
  const where: Prisma.ProductWhereInput = {
    AND: [visible, productSearchWhere(query.q), query.category ? { categoryId: query.category } : {}],
  };
  const [total, rows, categories] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * PORTAL_CATALOG_PAGE_SIZE,
      take: PORTAL_CATALOG_PAGE_SIZE,
      select: {
        ...CARD_SELECT,
        category: { select: { name: true } },
        images: { where: { isPrimary: true }, take: 1, select: PRODUCT_IMAGE_SELECT },
      },
    }),
    db.productCategory.findMany({
      where: { products: { some: visible } },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  const schemes = await portalSchemes(
    db,
    memberId,
    rows.map((r) => r.sku),
  );
  const items: CatalogCard[] = rows.map((r) => ({
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    price: schemes[r.sku] ? fenToDecimalString(schemes[r.sku]!.basePriceFen) : r.unitPrice.toFixed(2),
    productLine: r.productLine,
    categoryName: r.category?.name ?? null,
    teaser: firstLine(r.keyFeatures),
    image: portalImages(r.sku, r.images)[0] ?? null,
  }));
  return {
    items,
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PORTAL_CATALOG_PAGE_SIZE)),
    categories,
  };
}

export interface TierRow {
  /** From this many units on. */
  minQuantity: number;
  unitPrice: string;
  /** Discount off the list price in basis points (0 for the list price itself). */
  discountBp: number;
}

/** The scheme's price per quantity tier, as the member pays it (the first row is one unit). */
export function tierRows(scheme: PriceScheme): TierRow[] {
  const starts = [1, ...scheme.tiers.map((t) => t.minQuantity).filter((q) => q > 1)];
  const rows = [...new Set(starts)]
    .sort((a, b) => a - b)
    .map((minQuantity) => {
      const line = priceLine(scheme, minQuantity);
      return { minQuantity, unitPrice: fenToDecimalString(line.unitPriceFen), discountBp: line.discountBp };
    });
  // A tier that gives nothing over the previous row is noise on a price list.
  return rows.filter((row, i) => i === 0 || row.unitPrice !== rows[i - 1]!.unitPrice);
}

/** One product page for the viewer, or null when it does not exist or their level may not see it. */
export async function getPortalProduct(db: DbOrTx, memberId: number | null, sku: string) {
  if (!sku || sku.length > 64) return null;
  const level = await catalogLevel(db, memberId);
  const product = await db.product.findFirst({
    where: { AND: [{ sku }, portalVisibleWhere(level)] },
    select: {
      ...CARD_SELECT,
      productType: true,
      description: true,
      taxRateBp: true,
      priceIncludesTax: true,
      warrantyMonths: true,
      category: { select: { id: true, name: true } },
      specs: { orderBy: { position: "asc" }, select: { key: true, value: true } },
      packagings: { orderBy: { position: "asc" }, select: { unit: true, contains: true, ofUnit: true } },
      images: { orderBy: [...GALLERY_ORDER], select: PRODUCT_IMAGE_SELECT },
    },
  });
  if (!product) return null;
  const scheme = (await portalSchemes(db, memberId, [product.sku]))[product.sku];
  const lines = (text: string | null) =>
    (text ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    sku: product.sku,
    name: product.name,
    unit: product.unit,
    productLine: product.productLine,
    productType: product.productType,
    description: product.description,
    features: lines(product.keyFeatures),
    taxRateBp: product.taxRateBp,
    priceIncludesTax: product.priceIncludesTax,
    warrantyMonths: product.warrantyMonths,
    category: product.category,
    specs: product.specs,
    packagings: product.packagings,
    images: portalImages(product.sku, product.images),
    tiers: scheme ? tierRows(scheme) : [{ minQuantity: 1, unitPrice: product.unitPrice.toFixed(2), discountBp: 0 }],
    level,
  };
}

export type PortalProductView = NonNullable<Awaited<ReturnType<typeof getPortalProduct>>>;
