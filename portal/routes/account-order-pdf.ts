import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { renderMemberOrderPdf } from "#app/modules/catalog/order-pdf.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";

// GET /account/orders/:leadId/pdf — one of the member's own submitted orders as a PDF; another
// member's order (or none) is a 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const pdf = await renderMemberOrderPdf(
    db,
    principal.member.id,
    requireIdParam(params.leadId),
    await getLocale(request),
  );
  if (!pdf) return new Response("Not Found", { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
}
