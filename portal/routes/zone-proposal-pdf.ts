import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { pdfResponse } from "#app/lib/pdf/document.server.ts";
import { zoneProposalPdf } from "#app/modules/contracts/proposal-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";

// A published proposal of the member's company as a PDF (/zone/proposals/:proposalId/pdf): the same
// parts the zone page shows, nothing the member may not see.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const reader = { companyId: context.zone.companyId, memberId: context.member.id };
  const pdf = await zoneProposalPdf(db, reader, requireIdParam(params.proposalId), await getLocale(request));
  if (!pdf) throw new Response(null, { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
}
