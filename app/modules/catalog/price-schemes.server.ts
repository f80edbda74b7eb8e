import type { Prisma } from "#app/generated/prisma/client.ts";
import type { MemberLevel, PriceSchemeStatus } from "#app/generated/prisma/enums.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { hasActiveFlow, latestApprovalFor, submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import { tierLines, type PriceSchemeInputValue } from "./price-scheme-input.ts";
import type { PriceSchemeListQuery } from "./price-scheme-list-query.ts";
import {
  fenToDecimalString,
  parseFen,
  priceLine,
  schemeIssues,
  type PriceScheme,
  type PriceTier,
  type SchemeIssue,
} from "./pricing.ts";
import { productLineSelect } from "./product-selects.ts";

// 价格方案 / 价格明细 (seed §2.L.10): quantity tiers for one product or a whole category, for a period,
// for everyone, one member level or one customer; shared or authorised to named salespeople; and
// subject to approval (item type "price_scheme"): only approved schemes price anything. Saving an
// approved scheme sends it back to draft, so a changed price is always approved again.

const PAGE_SIZE = 25;
/** A category scheme is checked against this nominal price: its tiers must be discounts. */
const NOMINAL_BASE_FEN = 1_000_000;

const ISSUE_MESSAGES: Record<SchemeIssue["code"], MessageKey> = {
  "tier-shape": "catalog.scheme.error.tierLine",
  "tier-order": "catalog.scheme.error.tierOrder",
  "tier-above-base": "catalog.scheme.error.tierAboveList",
  "tier-dominated": "catalog.scheme.error.tierDominated",
  "base-price": "catalog.scheme.error.product",
  "tax-rate": "catalog.scheme.error.product",
};

export async function listPriceSchemes(db: DbOrTx, query: PriceSchemeListQuery) {
  const where: Prisma.PriceSchemeWhereInput = {
    AND: [
      query.q
        ? {
            OR: [
              { name: { contains: query.q } },
              { product: { name: { contains: query.q } } },
              { product: { sku: { contains: query.q } } },
              { category: { name: { contains: query.q } } },
            ],
          }
        : {},
      query.status ? { status: query.status } : { status: { not: "discarded" } },
      query.product ? { productId: query.product } : {},
    ],
  };
  return findPage(
    query.page,
    PAGE_SIZE,
    (take) => db.priceScheme.count({ where, take }),
    (window) =>
      db.priceScheme.findMany({
        where,
        orderBy: [query.sort === "name" ? { name: query.dir } : { updatedAt: query.dir }, { id: "asc" }],
        ...window,
        include: {
          product: { select: { id: true, name: true, sku: true } },
          category: { select: { id: true, name: true } },
          company: { select: { id: true, name: true } },
          _count: { select: { tiers: true } },
        },
      }),
  );
}

export type PriceSchemeListRow = Awaited<ReturnType<typeof listPriceSchemes>>["rows"][number];

export function getPriceScheme(db: DbOrTx, id: number) {
  return db.priceScheme.findUnique({
    where: { id },
    include: {
      product: { select: productLineSelect },
      category: { select: { id: true, name: true } },
      company: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
      tiers: { orderBy: { minQuantity: "asc" } },
      grants: { include: { staff: { select: { id: true, name: true } } } },
    },
  });
}

export type PriceSchemeDetail = NonNullable<Awaited<ReturnType<typeof getPriceScheme>>>;

function tierRows(tiers: readonly PriceTier[]) {
  return tiers.map((t) => ({
    minQuantity: t.minQuantity,
    unitPrice: t.unitPriceFen == null ? null : fenToDecimalString(t.unitPriceFen),
    discountBp: t.discountBp ?? null,
  }));
}

/** Save (create when id is null) a scheme as a draft; its tiers are checked against the product's list price. */
export async function savePriceScheme(
  db: Db,
  actor: StaffActor,
  id: number | null,
  input: PriceSchemeInputValue,
): Promise<ServiceResult<{ id: number }>> {
  if (!can(actor, "catalog", id === null ? "add" : "modify")) return forbidden();
  if (id !== null) {
    const current = await db.priceScheme.findUnique({ where: { id }, select: { status: true } });
    if (!current) return notFound();
    if (current.status === "pending") return conflict("catalog.scheme.error.pending");
  }
  let basePriceFen = NOMINAL_BASE_FEN;
  if (input.productId !== null) {
    const product = await db.product.findUnique({ where: { id: input.productId }, select: { unitPrice: true } });
    if (!product) return invalid({ productId: ["catalog.scheme.error.product"] });
    basePriceFen = parseFen(product.unitPrice.toFixed(2)) ?? 0;
  } else {
    if (!(await db.productCategory.findUnique({ where: { id: input.categoryId ?? 0 }, select: { id: true } }))) {
      return invalid({ categoryId: ["catalog.error.category"] });
    }
    if (input.tiers.some((t) => t.unitPriceFen != null))
      return invalid({ tiers: ["catalog.scheme.error.categoryPrice"] });
  }
  const issues = schemeIssues({ basePriceFen, taxRateBp: 0, priceIncludesTax: true, tiers: input.tiers });
  if (issues.length > 0) return invalid({ tiers: [...new Set(issues.map((i) => ISSUE_MESSAGES[i.code]))] });
  if (
    input.companyId !== null &&
    !(await db.company.findUnique({ where: { id: input.companyId }, select: { id: true } }))
  ) {
    return invalid({ companyId: ["catalog.scheme.error.company"] });
  }
  const grantees = await db.staff.findMany({ where: { id: { in: input.grantStaffIds } }, select: { id: true } });
  const data = {
    name: input.name,
    productId: input.productId,
    categoryId: input.categoryId,
    currency: input.currency,
    validFrom: input.validFrom,
    validTo: input.validTo,
    memberLevel: input.memberLevel,
    companyId: input.companyId,
    shared: input.shared,
    status: "draft" as const,
  };
  const tiers = tierRows(input.tiers);
  const grants = grantees.map((g) => ({ staffId: g.id }));
  const saved = await db.$transaction((tx) =>
    id === null
      ? tx.priceScheme.create({
          data: { ...data, createdById: actor.staffId, tiers: { create: tiers }, grants: { create: grants } },
          select: { id: true },
        })
      : tx.priceScheme.update({
          where: { id },
          data: { ...data, tiers: { deleteMany: {}, create: tiers }, grants: { deleteMany: {}, create: grants } },
          select: { id: true },
        }),
  );
  return ok(saved);
}

/**
 * Submit a draft (or rejected) scheme for approval. Without an active "price_scheme" flow nothing
 * needs approving and the scheme is approved at once.
 */
export async function submitPriceScheme(
  db: Db,
  actor: StaffActor,
  id: number,
): Promise<ServiceResult<{ status: PriceSchemeStatus }>> {
  if (!can(actor, "catalog", "modify") && !can(actor, "catalog", "add")) return forbidden();
  return db
    .$transaction(async (tx) => {
      const moved = await tx.priceScheme.updateMany({
        where: { id, status: { in: ["draft", "rejected"] } },
        data: { status: "pending" },
      });
      if (moved.count === 0) {
        return (await tx.priceScheme.findUnique({ where: { id }, select: { id: true } }))
          ? conflict("catalog.scheme.error.notDraft")
          : notFound();
      }
      const submitted = await submitForApproval(tx, actor, { itemType: "price_scheme", itemId: id });
      if (submitted.status !== "ok") throw new SchemeSubmitError(submitted);
      if (submitted.value.status === "no-flow") {
        await tx.priceScheme.update({ where: { id }, data: { status: "approved" } });
        return ok({ status: "approved" as const });
      }
      return ok({ status: "pending" as const });
    })
    .catch((error: unknown) => {
      if (error instanceof SchemeSubmitError) return error.result;
      throw error;
    });
}

/** Rolls the transaction back when the approval service refuses, and carries its answer out. */
class SchemeSubmitError extends Error {
  constructor(readonly result: Exclude<Awaited<ReturnType<typeof submitForApproval>>, { status: "ok" }>) {
    super(result.status);
  }
}

/** 作废: an approved or draft scheme goes to the discarded list and prices nothing. */
export async function discardPriceScheme(db: DbOrTx, actor: StaffActor, id: number): Promise<ServiceResult<undefined>> {
  if (!can(actor, "catalog", "modify")) return forbidden();
  const moved = await db.priceScheme.updateMany({
    where: { id, status: { in: ["draft", "approved", "rejected"] } },
    data: { status: "discarded" },
  });
  if (moved.count > 0) return ok();
  return (await db.priceScheme.findUnique({ where: { id }, select: { id: true } }))
    ? conflict("catalog.scheme.error.pending")
    : notFound();
}

/** What the approval service does to a scheme when its request is decided. */
export async function applySchemeDecision(tx: DbOrTx, id: number, outcome: "approved" | "rejected" | "withdrawn") {
  await tx.priceScheme.updateMany({
    where: { id, status: "pending" },
    data: { status: outcome === "approved" ? "approved" : outcome === "rejected" ? "rejected" : "draft" },
  });
}

export interface PricingContext {
  /** The day prices are asked for (validity dates are calendar days). */
  at: Date;
  memberLevel?: MemberLevel | null;
  companyId?: number | null;
  /** A salesperson applying the scheme: only shared schemes or those authorised to them. */
  staffId?: number | null;
}

type PricedProduct = {
  id: number;
  categoryId: number | null;
  unitPrice: { toFixed(digits: number): string };
  taxRateBp: number;
  priceIncludesTax: boolean;
};

/**
 * The approved schemes that may price these products in this context, the most specific first per
 * product: a customer's own scheme before a member level's, before everyone's; a product's before
 * its category's; then the newest.
 */
export async function applicableSchemes(
  db: DbOrTx,
  products: readonly PricedProduct[],
  context: PricingContext,
): Promise<Map<number, PriceScheme>> {
  const day = new Date(Date.UTC(context.at.getUTCFullYear(), context.at.getUTCMonth(), context.at.getUTCDate()));
  const categoryIds = [...new Set(products.flatMap((p) => (p.categoryId ? [p.categoryId] : [])))];
  const schemes = await db.priceScheme.findMany({
    where: {
      status: "approved",
      OR: [{ productId: { in: products.map((p) => p.id) } }, { categoryId: { in: categoryIds } }],
      AND: [
        { OR: [{ validFrom: null }, { validFrom: { lte: day } }] },
        { OR: [{ validTo: null }, { validTo: { gte: day } }] },
        { OR: [{ memberLevel: null }, ...(context.memberLevel ? [{ memberLevel: context.memberLevel }] : [])] },
        { OR: [{ companyId: null }, ...(context.companyId ? [{ companyId: context.companyId }] : [])] },
        context.staffId ? { OR: [{ shared: true }, { grants: { some: { staffId: context.staffId } } }] } : {},
      ],
    },
    include: { tiers: { orderBy: { minQuantity: "asc" } } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  const rank = (s: (typeof schemes)[number]) => (s.companyId ? 4 : 0) + (s.memberLevel ? 2 : 0) + (s.productId ? 1 : 0);
  const result = new Map<number, PriceScheme>();
  for (const product of products) {
    const best = schemes
      .filter((s) => s.productId === product.id || (s.categoryId !== null && s.categoryId === product.categoryId))
      .sort((a, b) => rank(b) - rank(a))[0];
    result.set(product.id, {
      basePriceFen: parseFen(product.unitPrice.toFixed(2)) ?? 0,
      taxRateBp: product.taxRateBp,
      priceIncludesTax: product.priceIncludesTax,
      currency: best?.currency ?? "CNY",
      tiers: (best?.tiers ?? []).map((t) => ({
        minQuantity: t.minQuantity,
        unitPriceFen: t.unitPrice === null ? null : parseFen(t.unitPrice.toFixed(2)),
        discountBp: t.discountBp,
      })),
    });
  }
  return result;
}

/** The choices of the scheme form: products, categories and the salespeople who may be authorised. */
export async function schemeFormOptions(db: DbOrTx) {
  const [products, categories, staff] = await Promise.all([
    db.product.findMany({ orderBy: { name: "asc" }, take: 1000, select: { id: true, name: true, sku: true } }),
    db.productCategory.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.staff.findMany({
      where: { status: { not: "inactive" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { products, categories, staff };
}

export type SchemeFormOptions = Awaited<ReturnType<typeof schemeFormOptions>>;

/** A stored scheme as the form's string values (grants as a list). */
export function schemeFormValues(s: PriceSchemeDetail): Record<string, string> {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return {
    name: s.name,
    target: s.productId ? "product" : "category",
    productId: s.productId ? String(s.productId) : "",
    categoryId: s.categoryId ? String(s.categoryId) : "",
    validFrom: day(s.validFrom),
    validTo: day(s.validTo),
    memberLevel: s.memberLevel ?? "",
    companyId: s.companyId ? String(s.companyId) : "",
    shared: s.shared ? "on" : "",
    tiers: tierLines(
      s.tiers.map((t) => ({
        minQuantity: t.minQuantity,
        unitPrice: t.unitPrice?.toFixed(2) ?? null,
        discountBp: t.discountBp,
      })),
    ),
  };
}

/** The scheme page: the scheme, its approval, and prices at each tier threshold for the product. */
export async function priceSchemePage(db: DbOrTx, actor: StaffActor, id: number) {
  const scheme = await getPriceScheme(db, id);
  if (!scheme) return null;
  const [approval, approvalFlow] = await Promise.all([
    latestApprovalFor(db, actor, "price_scheme", id),
    hasActiveFlow(db, "price_scheme"),
  ]);
  const product = scheme.product;
  const pricing: PriceScheme | null = product && {
    basePriceFen: parseFen(product.unitPrice.toFixed(2)) ?? 0,
    taxRateBp: product.taxRateBp,
    priceIncludesTax: product.priceIncludesTax,
    tiers: scheme.tiers.map((t) => ({
      minQuantity: t.minQuantity,
      unitPriceFen: t.unitPrice === null ? null : parseFen(t.unitPrice.toFixed(2)),
      discountBp: t.discountBp,
    })),
  };
  const quantities = [1, ...scheme.tiers.map((t) => t.minQuantity)];
  const examples = pricing
    ? [...new Set(quantities)].map((quantity) => {
        const line = priceLine(pricing, quantity);
        return { quantity, unitPriceFen: line.unitPriceFen, amountFen: line.amountFen, discountBp: line.discountBp };
      })
    : [];
  const editable = can(actor, "catalog", "modify");
  return {
    // Money as decimal strings: the page data travels to the browser.
    scheme: {
      ...scheme,
      product: product && { ...product, unitPrice: product.unitPrice.toFixed(2) },
      tiers: scheme.tiers.map((t) => ({ ...t, unitPrice: t.unitPrice?.toFixed(2) ?? null })),
    },
    approval,
    approvalFlow,
    examples,
    canEdit: editable && scheme.status !== "pending",
    canSubmit: editable && (scheme.status === "draft" || scheme.status === "rejected"),
    canDiscard: editable && scheme.status !== "pending" && scheme.status !== "discarded",
  };
}
