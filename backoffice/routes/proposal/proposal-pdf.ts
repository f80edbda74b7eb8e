import { data, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { renderProposalPdf } from "#app/modules/contracts/proposal-read.server.ts";

// GET /crm/proposals/:id/pdf — the proposal's parts as one PDF (material resolved under the reader's scope).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const pdf = await renderProposalPdf(db, actor, requireIdParam(params.proposalId), await getLocale(request));
  if (!pdf) throw data(null, { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "inline");
}
