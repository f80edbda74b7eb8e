import { Prisma } from "#app/generated/prisma/client.ts";
import type { MemberLevel } from "#app/generated/prisma/enums.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import { syllablesOf } from "#search/pinyin.ts";
import { packagingLines, specLines, type ProductInputValue } from "./product-input.ts";
import type { ProductListQuery } from "./product-list-query.ts";

// 产品 (seed §2.L.11): the catalog every salesperson browses (products belong to the company, not to
// a person: browse is all-or-nothing) and the catalog staff maintain. Cost is staff-only and never
// leaves through the portal services (portal-catalog.server.ts).

const PAGE_SIZE = 25;

/** Lower-case full pinyin and initials of the name, plus the SKU: what the search box matches. */
export function productSearchKey(name: string, sku: string): string {
  const syllables = syllablesOf(name);
  const forms = syllables.length > 0 ? [syllables.join(""), syllables.map((s) => s[0]).join("")] : [];
  return [...forms, sku.toLowerCase()].join(" ").slice(0, 1000);
}

/** A search text as a `where`: the name, SKU or product line contain it, or the pinyin key does. */
export function productSearchWhere(q: string): Prisma.ProductWhereInput {
  if (!q) return {};
  const latin = q.toLowerCase().replace(/\s+/g, "");
  return {
    OR: [
      { name: { contains: q } },
      { sku: { contains: q } },
      { productLine: { contains: q } },
      ...(latin ? [{ searchKey: { contains: latin } }] : []),
    ],
  };
}

const ORDER: Record<ProductListQuery["sort"], (dir: Prisma.SortOrder) => Prisma.ProductOrderByWithRelationInput> = {
  name: (dir) => ({ name: dir }),
  sku: (dir) => ({ sku: dir }),
  price: (dir) => ({ unitPrice: dir }),
  updated: (dir) => ({ updatedAt: dir }),
};

/** One page of the product list; prices as decimal strings (they travel to the browser). */
export async function listProducts(db: DbOrTx, query: ProductListQuery) {
  const portal = { OR: [{ portalProspect: true }, { portalCustomer: true }, { portalPartner: true }] };
  const where: Prisma.ProductWhereInput = {
    AND: [
      productSearchWhere(query.q),
      query.category ? { categoryId: query.category } : {},
      query.active ? { active: query.active === "yes" } : {},
      query.portal === "yes" ? portal : query.portal === "no" ? { NOT: portal } : {},
    ],
  };
  const page = await findPage(
    query.page,
    PAGE_SIZE,
    (take) => db.product.count({ where, take }),
    (window) =>
      db.product.findMany({
        where,
        orderBy: [ORDER[query.sort](query.dir), { id: "asc" }],
        ...window,
        select: {
          id: true,
          sku: true,
          name: true,
          unit: true,
          unitPrice: true,
          priceIncludesTax: true,
          productLine: true,
          active: true,
          isBundle: true,
          portalProspect: true,
          portalCustomer: true,
          portalPartner: true,
          category: { select: { id: true, name: true } },
        },
      }),
  );
  return { ...page, rows: page.rows.map((row) => ({ ...row, unitPrice: row.unitPrice.toFixed(2) })) };
}

export type ProductListRow = Awaited<ReturnType<typeof listProducts>>["rows"][number];

export function categoryOptions(db: DbOrTx) {
  return db.productCategory.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

export async function getProduct(db: DbOrTx, id: number) {
  return db.product.findUnique({
    where: { id },
    include: {
      category: { select: { id: true, name: true } },
      packagings: { orderBy: { position: "asc" } },
      specs: { orderBy: { position: "asc" } },
      bundleItems: { include: { product: { select: { id: true, sku: true, name: true, unit: true } } } },
      comparisons: { include: { competitorProduct: true }, orderBy: { id: "asc" } },
    },
  });
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;

/** The product page's data: the product with its money as decimal strings (they travel to the browser). */
export async function productPage(db: DbOrTx, id: number) {
  const p = await getProduct(db, id);
  return (
    p && {
      ...p,
      unitPrice: p.unitPrice.toFixed(2),
      cost: p.cost?.toFixed(2) ?? null,
      comparisons: p.comparisons.map((c) => ({
        ...c,
        competitorProduct: { ...c.competitorProduct, price: c.competitorProduct.price?.toFixed(2) ?? null },
      })),
    }
  );
}

/** The levels that see a product in the portal catalog. */
export function portalLevels(p: { portalProspect: boolean; portalCustomer: boolean; portalPartner: boolean }) {
  const levels: MemberLevel[] = [];
  if (p.portalProspect) levels.push("prospect");
  if (p.portalCustomer) levels.push("customer");
  if (p.portalPartner) levels.push("partner");
  return levels;
}

/**
 * Create (id null) or update a product with its packagings and specifications, replaced as a whole.
 * The SKU stays unique; a category that does not exist is a field error, not a 500.
 */
export async function saveProduct(
  db: DbOrTx,
  actor: StaffActor,
  id: number | null,
  input: ProductInputValue,
): Promise<ServiceResult<{ id: number }>> {
  if (!can(actor, "catalog", id === null ? "add" : "modify")) return forbidden();
  if (id !== null && !(await db.product.findUnique({ where: { id }, select: { id: true } }))) return notFound();
  const clash = await db.product.findFirst({
    where: { sku: input.sku, ...(id === null ? {} : { NOT: { id } }) },
    select: { id: true },
  });
  if (clash) return invalid({ sku: ["catalog.error.skuTaken"] });
  if (input.categoryId !== null) {
    const category = await db.productCategory.findUnique({ where: { id: input.categoryId }, select: { id: true } });
    if (!category) return invalid({ categoryId: ["catalog.error.category"] });
  }
  const data = {
    sku: input.sku,
    name: input.name,
    unit: input.unit,
    unitPrice: input.unitPrice,
    cost: input.cost,
    taxRateBp: input.taxRateBp,
    priceIncludesTax: input.priceIncludesTax,
    categoryId: input.categoryId,
    productLine: input.productLine,
    productType: input.productType,
    description: input.description,
    keyFeatures: input.keyFeatures,
    defects: input.defects,
    active: input.active,
    portalProspect: input.portalProspect,
    portalCustomer: input.portalCustomer,
    portalPartner: input.portalPartner,
    searchKey: productSearchKey(input.name, input.sku),
  };
  const packagings = input.packagingSteps.map((s, position) => ({
    unit: s.unit,
    contains: s.contains,
    ofUnit: s.of,
    position,
  }));
  const specs = input.specList.map((s, position) => ({ ...s, position }));
  try {
    const saved =
      id === null
        ? await db.product.create({
            data: { ...data, packagings: { create: packagings }, specs: { create: specs } },
            select: { id: true },
          })
        : await db.product.update({
            where: { id },
            data: {
              ...data,
              packagings: { deleteMany: {}, create: packagings },
              specs: { deleteMany: {}, create: specs },
            },
            select: { id: true },
          });
    return ok(saved);
  } catch (error) {
    // Two people saving the same new SKU at once: the unique index decides, the loser is told.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return invalid({ sku: ["catalog.error.skuTaken"] });
    }
    throw error;
  }
}

/** A stored product as the form's string values (checkboxes "on"). */
export function productFormValues(p: ProductDetail): Record<string, string> {
  const on = (value: boolean) => (value ? "on" : "");
  return {
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    unitPrice: p.unitPrice.toFixed(2),
    cost: p.cost?.toFixed(2) ?? "",
    taxRateBp: String(p.taxRateBp),
    priceIncludesTax: on(p.priceIncludesTax),
    categoryId: p.categoryId ? String(p.categoryId) : "",
    productLine: p.productLine ?? "",
    productType: p.productType ?? "",
    description: p.description ?? "",
    keyFeatures: p.keyFeatures ?? "",
    defects: p.defects ?? "",
    packagings: packagingLines(p.packagings.map((k) => ({ unit: k.unit, contains: k.contains, of: k.ofUnit }))),
    specs: specLines(p.specs),
    active: on(p.active),
    portalProspect: on(p.portalProspect),
    portalCustomer: on(p.portalCustomer),
    portalPartner: on(p.portalPartner),
  };
}
