import type { Db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { fail, invalid } from "#app/lib/service-result.ts";
import { QUANTITY_PREFIX } from "#app/modules/leads/intake/portal-form-fields.ts";
import { readBasket, writeBasket, type CurrentBasket } from "./basket-cookie.server.ts";
import { basketQuantities, deleteBasket, listBaskets, openBasket, saveBasket } from "./saved-baskets.server.ts";

// The order page's basket (产品订购 + 自助预算): where its starting quantities come from — a saved
// basket reopened with ?basket=<id> (the member's own only), else the current basket the catalog's
// "加入购物车" filled — and the page's save / delete intents. The intake itself stays in
// portal-intake.server.ts; the route dispatches.

export const ORDER_PATH = "/order";

/** Order-form values (`qty.<sku>`) for a basket. */
export function quantityValues(basket: Readonly<Record<string, number>>): Record<string, string> {
  return Object.fromEntries(Object.entries(basket).map(([sku, q]) => [`${QUANTITY_PREFIX}${sku}`, String(q)]));
}

/** The order page's basket data: starting quantities, the reopened basket (if any), the saved ones. */
export async function loadOrderBasket(db: Db, request: Request, memberId: number | null) {
  const asked = new URL(request.url).searchParams.get("basket");
  const opened = memberId && asked ? await openBasket(db, memberId, asked) : null;
  const quantities: CurrentBasket = opened ? opened.quantities : await readBasket(request);
  return {
    values: quantityValues(quantities),
    opened: opened ? { id: opened.id, name: opened.name, dropped: opened.dropped } : null,
    saved: memberId ? await listBaskets(db, memberId) : [],
    signedIn: memberId !== null,
  };
}

/** 保存预算: the form's quantities under a name; the current basket becomes what was saved. */
export async function saveOrderBasket(db: Db, memberId: number | null, form: FormData) {
  const quantities = basketQuantities(form);
  const values = Object.fromEntries(
    [...form.entries()].flatMap(([k, v]) => (typeof v === "string" && k !== "intent" ? [[k, v.slice(0, 500)]] : [])),
  );
  if (!memberId) return fail({ ...invalid({}, ["portalCatalog.basket.signIn"], values), basketForm: true });
  const result = await saveBasket(db, memberId, { name: form.get("basketName"), quantities });
  if (result.status !== "ok") return fail({ ...result, values, basketForm: true });
  return redirectWithFlash(`${ORDER_PATH}?basket=${result.value.id}`, "flash.portalCatalog.basketSaved", {
    headers: { "Set-Cookie": await writeBasket(Object.fromEntries(quantities)) },
  });
}

/** Deletes one of the member's saved baskets (someone else's: 404). */
export async function deleteOrderBasket(db: Db, memberId: number | null, form: FormData) {
  if (!memberId) return fail(invalid({}, ["portalCatalog.basket.signIn"]));
  const result = await deleteBasket(db, memberId, form.get("basketId"));
  if (result.status !== "ok") return fail(result);
  return redirectWithFlash(ORDER_PATH, "flash.portalCatalog.basketDeleted");
}

/** After an order went in, the current basket is done with. */
export function clearedBasketHeader(): Promise<string> {
  return writeBasket({});
}
