import { MAX_ORDER_QUANTITY, QUANTITY_PREFIX } from "#app/modules/leads/intake/portal-form-fields.ts";

// The order page's "下载 PDF" carries the quantities on screen (typed, not yet saved anywhere) in
// its URL, so the PDF is the basket the member sees; the server prices it again (decision 049).

export const ORDER_PDF_PATH = "/order/pdf";
const MAX_LINES = 50;

export function basketPdfHref(lines: ReadonlyArray<{ sku: string; quantity: number }>): string {
  const params = new URLSearchParams(lines.map((l) => [`${QUANTITY_PREFIX}${l.sku}`, String(l.quantity)]));
  return `${ORDER_PDF_PATH}?${params.toString()}`;
}

/** The quantities of a PDF link (odd values dropped), or null when it names none. */
export function basketFromPdfQuery(params: URLSearchParams): Record<string, number> | null {
  const basket: Record<string, number> = {};
  for (const [key, value] of params) {
    if (!key.startsWith(QUANTITY_PREFIX) || Object.keys(basket).length >= MAX_LINES) continue;
    const sku = key.slice(QUANTITY_PREFIX.length);
    const quantity = Number(value);
    if (sku.length > 0 && sku.length <= 64 && Number.isInteger(quantity) && quantity > 0) {
      basket[sku] = Math.min(quantity, MAX_ORDER_QUANTITY);
    }
  }
  return Object.keys(basket).length > 0 ? basket : null;
}

/** One of the member's submitted orders as a PDF (我的订单). */
export function memberOrderPdfPath(leadId: number): string {
  return `/account/orders/${leadId}/pdf`;
}
