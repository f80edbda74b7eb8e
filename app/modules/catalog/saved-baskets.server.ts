import { z } from "zod";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { MAX_ORDER_QUANTITY, QUANTITY_PREFIX } from "#app/modules/leads/intake/portal-form-fields.ts";

// 自助预算 (saved baskets, #18 item 3, decision 040): a member saves the order page's basket under a
// name, lists, reopens and deletes them. Every query names the member, so another member's basket id
// reads as missing. Items are stored as [{productId, quantity, unit}] (unit reserved for packagings);
// reopening maps them back to SKUs of products still active, and says how many it dropped.

export const MAX_BASKETS_PER_MEMBER = 50;
const MAX_LINES = 200;

/** Quantities by SKU as the order form carries them (`qty.<sku>` fields), positive whole numbers only. */
export function basketQuantities(form: FormData | URLSearchParams): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(QUANTITY_PREFIX) || typeof value !== "string") continue;
    const sku = name.slice(QUANTITY_PREFIX.length);
    const quantity = Number(value.trim());
    if (sku && sku.length <= 64 && Number.isInteger(quantity) && quantity > 0 && quantity <= MAX_ORDER_QUANTITY) {
      out.set(sku, quantity);
    }
    if (out.size >= MAX_LINES) break;
  }
  return out;
}

const BasketName = z.string().trim().min(1).max(100);
const Id = z.coerce.number().int().positive().max(2_147_483_647);

interface StoredItem {
  productId: number;
  quantity: number;
  unit: string | null;
}

function storedItems(json: Prisma.JsonValue): StoredItem[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((raw) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return [];
    const { productId, quantity } = raw as Record<string, unknown>;
    return typeof productId === "number" && typeof quantity === "number" ? [{ productId, quantity, unit: null }] : [];
  });
}

/**
 * Saves the basket under `name` (a basket of the same name is replaced, so "save again" updates it).
 * Empty baskets and unknown products are refused; at most MAX_BASKETS_PER_MEMBER per member.
 */
export async function saveBasket(
  db: DbOrTx,
  memberId: number,
  input: { name: unknown; quantities: ReadonlyMap<string, number> },
): Promise<ServiceResult<{ id: number }, "basketName">> {
  const name = BasketName.safeParse(input.name);
  if (!name.success) return invalid({ basketName: ["portalCatalog.basket.nameRequired"] });
  const skus = [...input.quantities.keys()];
  const products = skus.length
    ? await db.product.findMany({ where: { sku: { in: skus }, active: true }, select: { id: true, sku: true } })
    : [];
  const idOf = new Map(products.map((p) => [p.sku.toLowerCase(), p.id]));
  const items: StoredItem[] = skus.flatMap((sku) => {
    const productId = idOf.get(sku.toLowerCase());
    return productId ? [{ productId, quantity: input.quantities.get(sku)!, unit: null }] : [];
  });
  if (items.length === 0) return invalid({}, ["portalCatalog.basket.empty"]);
  const data = { items: items as unknown as Prisma.InputJsonValue };
  const existing = await db.savedBasket.findFirst({ where: { memberId, name: name.data }, select: { id: true } });
  if (existing) {
    await db.savedBasket.update({ where: { id: existing.id }, data });
    return ok({ id: existing.id });
  }
  if ((await db.savedBasket.count({ where: { memberId } })) >= MAX_BASKETS_PER_MEMBER) {
    return invalid({}, ["portalCatalog.basket.tooMany"]);
  }
  const created = await db.savedBasket.create({ data: { memberId, name: name.data, ...data }, select: { id: true } });
  return ok({ id: created.id });
}

export interface BasketSummaryRow {
  id: number;
  name: string;
  lines: number;
  updatedAt: Date;
}

/** The member's saved baskets, newest first. */
export async function listBaskets(db: DbOrTx, memberId: number): Promise<BasketSummaryRow[]> {
  const rows = await db.savedBasket.findMany({
    where: { memberId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: MAX_BASKETS_PER_MEMBER,
    select: { id: true, name: true, items: true, updatedAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, lines: storedItems(r.items).length, updatedAt: r.updatedAt }));
}

/** A saved basket of the member as order-form quantities, or null (someone else's reads as missing). */
export async function openBasket(
  db: DbOrTx,
  memberId: number,
  rawId: unknown,
): Promise<{ id: number; name: string; quantities: Record<string, number>; dropped: number } | null> {
  const id = Id.safeParse(rawId);
  if (!id.success) return null;
  const basket = await db.savedBasket.findFirst({ where: { id: id.data, memberId } });
  if (!basket) return null;
  const items = storedItems(basket.items);
  const products = await db.product.findMany({
    where: { id: { in: items.map((i) => i.productId) }, active: true },
    select: { id: true, sku: true },
  });
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));
  const quantities: Record<string, number> = {};
  for (const item of items) {
    const sku = skuOf.get(item.productId);
    if (sku) quantities[sku] = item.quantity;
  }
  return { id: basket.id, name: basket.name, quantities, dropped: items.length - Object.keys(quantities).length };
}

/** Deletes one of the member's baskets. */
export async function deleteBasket(db: DbOrTx, memberId: number, rawId: unknown): Promise<ServiceResult<undefined>> {
  const id = Id.safeParse(rawId);
  if (!id.success) return notFound();
  const { count } = await db.savedBasket.deleteMany({ where: { id: id.data, memberId } });
  return count > 0 ? ok() : notFound();
}
