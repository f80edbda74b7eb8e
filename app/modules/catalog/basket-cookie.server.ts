import { createCookie } from "react-router";
import { MAX_ORDER_QUANTITY } from "#app/modules/leads/intake/portal-form-fields.ts";

// The current basket between the catalog and the order page: "加入购物车" on a product page adds to
// it, the order page starts from it. Not a secret (SKUs and quantities the visitor chose), so a plain
// cookie; parsed defensively — a forged value yields at most a different starting quantity, and the
// server prices every submitted basket again.

const MAX_LINES = 50;

const basketCookie = createCookie("relay_basket", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 30,
});

export type CurrentBasket = Record<string, number>;

function clean(value: unknown): CurrentBasket {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: CurrentBasket = {};
  for (const [sku, quantity] of Object.entries(value as Record<string, unknown>).slice(0, MAX_LINES)) {
    if (sku.length > 0 && sku.length <= 64 && Number.isInteger(quantity)) {
      const q = quantity as number;
      if (q > 0 && q <= MAX_ORDER_QUANTITY) out[sku] = q;
    }
  }
  return out;
}

export async function readBasket(request: Request): Promise<CurrentBasket> {
  try {
    return clean(await basketCookie.parse(request.headers.get("Cookie")));
  } catch {
    return {};
  }
}

/** The Set-Cookie value for this basket (an empty basket clears the cookie). */
export function writeBasket(basket: CurrentBasket): Promise<string> {
  const cleaned = clean(basket);
  return Object.keys(cleaned).length === 0
    ? basketCookie.serialize("", { maxAge: 0 })
    : basketCookie.serialize(cleaned);
}

/** Adds `quantity` of `sku` to the basket (capped at the order maximum). */
export function addToBasket(basket: CurrentBasket, sku: string, quantity: number): CurrentBasket {
  const next = { ...basket, [sku]: Math.min(MAX_ORDER_QUANTITY, (basket[sku] ?? 0) + quantity) };
  // The newest line stays when the basket is full: drop the oldest.
  const entries = Object.entries(next);
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_LINES)));
}
