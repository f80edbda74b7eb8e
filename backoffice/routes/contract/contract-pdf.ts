import { data, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { renderContractPdf } from "#app/modules/contracts/contract-pdf.server.ts";
import { CONTRACT_POLICY } from "#backoffice/components/contracts/contract-route.server.ts";

// GET /crm/contracts/:id/pdf — the merged contract as a PDF (Chinese fonts, letterhead of 本公司).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, CONTRACT_POLICY);
  const pdf = await renderContractPdf(db, actor, requireIdParam(params.contractId), await getLocale(request));
  if (!pdf) throw data(null, { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "inline");
}
