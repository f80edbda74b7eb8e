import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { renderQuotePdf } from "#app/modules/quotes/quote-pdf.server.ts";
import { scopedQuoteWhere } from "#app/modules/quotes/quote-scope.server.ts";

// The quote as a PDF (/crm/quotes/:quoteId/pdf), in the reader's language, within their scope.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const where = scopedQuoteWhere(actor, "browse", requireIdParam(params.quoteId));
  const pdf = where ? await renderQuotePdf(db, where, await getLocale(request)) : null;
  if (!pdf) throw new Response(null, { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
}
