import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { renderQuotePdf } from "#app/modules/quotes/quote-pdf.server.ts";
import { zoneQuoteWhere } from "#app/modules/quotes/quote-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";

// A published quote of the member's company as a PDF (/zone/quotes/:quoteId/pdf).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const where = zoneQuoteWhere(context.zone.companyId, requireIdParam(params.quoteId));
  const pdf = await renderQuotePdf(db, where, await getLocale(request));
  if (!pdf) throw new Response(null, { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
}
