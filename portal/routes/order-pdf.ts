import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { readBasket } from "#app/modules/catalog/basket-cookie.server.ts";
import { basketFromPdfQuery } from "#app/modules/catalog/order-pdf-link.ts";
import { renderBasketPdf } from "#app/modules/catalog/order-pdf.server.ts";
import { openBasket } from "#app/modules/catalog/saved-baskets.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";

// GET /order/pdf — the order page's basket as a PDF ("下载 PDF"): the quantities on screen (?qty.<sku>=),
// else a reopened 自助预算 (?basket=, the member's own only), else the current basket (cookie); always
// priced again on the server. An empty basket is a 404.

export async function loader({ request }: LoaderFunctionArgs) {
  const memberId = (await getOptionalMember(request))?.member.id ?? null;
  const params = new URL(request.url).searchParams;
  const asked = params.get("basket");
  const opened = memberId && asked ? await openBasket(db, memberId, asked) : null;
  const quantities = basketFromPdfQuery(params) ?? opened?.quantities ?? (await readBasket(request));
  const pdf = await renderBasketPdf(db, memberId, quantities, await getLocale(request));
  if (!pdf) return new Response("Not Found", { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
}
