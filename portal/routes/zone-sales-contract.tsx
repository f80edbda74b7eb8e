import { CalendarClock, Package } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { contractLookups } from "#app/modules/contracts/contract-lookups.server.ts";
import { getZoneSalesContract } from "#app/modules/contracts/contract-queries.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { ContractLinesTable, ContractStatusBadge, Fen, PaymentPlanTable } from "#app/ui/contracts/contract-ui.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// One published sales contract in the customer's zone: its facts, products and payment plan with
// what has been received and what is overdue. Read-only; another company's or an unpublished id → 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const contract = await getZoneSalesContract(db, context.zone.companyId, requireIdParam(params.contractId));
  if (!contract) throw data(null, { status: 404 });
  const lookups = await contractLookups(db, await getLocale(request));
  const label = (labels: Record<string, string>, code: string | null) => (code ? (labels[code] ?? code) : null);
  return {
    zone: { name: context.zone.name },
    contract,
    type: label(lookups.type.labels, contract.typeCode),
    settlement: label(lookups.settlement.labels, contract.settlementCode),
    delivery: label(lookups.delivery.labels, contract.deliveryCode),
  };
}

export const meta = recordMeta<typeof loader>("zoneContracts.title", (d) => [
  "contracts.metaTitle",
  { name: d.contract.name },
]);

export default function ZoneSalesContract() {
  const d = useLoaderData<typeof loader>();
  const c = d.contract;
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={d.zone.name}>
      <BackLink to="/zone/sales-contracts">{t("zoneContracts.back")}</BackLink>
      <AccountPageHeader title={c.name} description={c.number} />
      <Card>
        <CardBody className="space-y-4">
          <ContractStatusBadge status={c.status} />
          <FactList
            layout="grid"
            facts={[
              { label: t("contracts.field.amount"), value: <Fen value={c.amountFen} /> },
              { label: t("contracts.field.received"), value: <Fen value={c.receivedFen} /> },
              { label: t("contracts.field.type"), value: d.type },
              { label: t("contracts.field.settlement"), value: d.settlement },
              { label: t("contracts.field.delivery"), value: d.delivery },
              { label: t("contracts.field.signedOn"), value: c.signedOn },
              { label: t("contracts.field.startDate"), value: c.startDate },
              { label: t("contracts.field.endDate"), value: c.endDate },
            ]}
          />
          <p className="text-sm text-slate-500">{t("zoneContracts.contactOwner", { name: c.owner.name })}</p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("zoneContracts.products")} icon={<Package className="size-4" aria-hidden />} />
        <ContractLinesTable lines={c.lines} amountFen={c.amountFen} />
      </Card>
      <Card>
        <CardHeader title={t("zoneContracts.plan")} icon={<CalendarClock className="size-4" aria-hidden />} />
        <PaymentPlanTable instalments={c.instalments} />
      </Card>
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
