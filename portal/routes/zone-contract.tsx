import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getZoneContractPage } from "#app/modules/service/contract-pages.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ContractFacts } from "#app/ui/service/contract-facts.tsx";
import { ContractHeading } from "#app/ui/service/contract-heading.tsx";
import { CoveredAssets } from "#app/ui/service/covered-assets.tsx";
import { contractTypeKey } from "#app/ui/service/labels.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// One service contract of the zone's company: level of service, period, terms and covered assets.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const contract = await getZoneContractPage(db, context.zone.companyId, requireIdParam(params.contractId));
  if (!contract) throw data(null, { status: 404 });
  return { zone: { name: context.zone.name }, contract };
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, "zones.contract.pageTitle", { name: loaderData?.contract.name ?? "" });

export default function ZoneContract() {
  const { zone, contract: c } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={zone.name}>
      <div>
        <BackLink to="/zone/contracts">{t("zones.contracts.back")}</BackLink>
        <ContractHeading contract={c} eyebrow={`${c.number} · ${t(contractTypeKey(c.type))}`} />
      </div>
      <Card>
        <CardBody>
          <ContractFacts contract={c} />
        </CardBody>
      </Card>
      {c.terms ? (
        <Card>
          <CardHeader title={t("zones.contract.terms")} />
          <CardBody>
            <p className="text-sm leading-7 whitespace-pre-line text-slate-700">{c.terms}</p>
          </CardBody>
        </Card>
      ) : null}
      <CoveredAssets assets={c.covered} linkBase="/zone/assets" />
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
