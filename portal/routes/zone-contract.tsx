import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { namedRecordMeta } from "#app/ui/meta.ts";
import { ContractHeading } from "#app/ui/service/contract-heading.tsx";
import { contractTypeKey } from "#app/ui/service/labels.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { CustomerContractFacts, CustomerCoveredAssets } from "#portal/components/zone/customer-contract-parts.tsx";
import { getCustomerContractPage } from "#portal/components/zone/customer-contract.server.ts";
import { loadZoneRecord } from "#portal/components/zone/zone-record.server.ts";
import { ZoneRecordPage } from "#portal/components/zone-ui.tsx";

// One service contract of the zone's company: level of service, period, contract value, terms and
// covered assets (the customer's view: no net value).

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadZoneRecord(request, params.contractId, getCustomerContractPage);

export const meta = namedRecordMeta("zones.contracts.title", "zones.contract.pageTitle");

export default function ZoneContract() {
  const { zone, record: c } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneRecordPage
      zoneName={zone.name}
      back={{ to: "/zone/contracts", label: t("common.backToContracts") }}
      heading={<ContractHeading contract={c} eyebrow={`${c.number} · ${t(contractTypeKey(c.type))}`} />}
      facts={<CustomerContractFacts contract={c} />}
    >
      {c.terms ? (
        <Card>
          <CardHeader title={t("zones.contract.terms")} />
          <CardBody>
            <p className="text-sm leading-7 whitespace-pre-line text-slate-700">{c.terms}</p>
          </CardBody>
        </Card>
      ) : null}
      <CustomerCoveredAssets assets={c.covered} />
    </ZoneRecordPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
