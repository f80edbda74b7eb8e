import { FileDown } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { zoneProposalDetail } from "#app/modules/contracts/proposal-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody } from "#app/ui/card.tsx";
import { ProposalDocument } from "#app/ui/contracts/proposal-parts.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// One published 提议 in the customer's zone, read-only: its parts in order, with only the material this
// member may see (the service leaves the rest out). Another company's or an unpublished id → 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const reader = { companyId: context.zone.companyId, memberId: context.member.id };
  const proposal = await zoneProposalDetail(db, reader, requireIdParam(params.proposalId));
  if (!proposal) throw data(null, { status: 404 });
  return { zone: { name: context.zone.name }, proposal };
}

export const meta = recordMeta<typeof loader>("proposals.zone.nav", (d) => [
  "contracts.metaTitle",
  { name: d.proposal.title },
]);

export default function ZoneProposal() {
  const { zone, proposal: p } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const date = p.publishedAt ? formatCalendarDate(p.publishedAt, locale) : "";
  return (
    <ZoneShell zoneName={zone.name}>
      <BackLink to="/zone/proposals">{t("proposals.zone.back")}</BackLink>
      <AccountPageHeader
        title={p.title}
        description={t("proposals.zone.from", { name: p.owner.name, date })}
        actions={
          <ButtonLink to={`/zone/proposals/${p.id}/pdf`} variant="secondary" icon={FileDown} reloadDocument>
            {t("contracts.pdf")}
          </ButtonLink>
        }
      />
      <Card>
        <CardBody className="space-y-6" data-testid="proposal-document">
          <ProposalDocument parts={p.parts} />
        </CardBody>
      </Card>
      <p className="text-sm text-slate-500">{t("proposals.zone.contactOwner", { name: p.owner.name })}</p>
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
