import { FileSignature } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listZoneSalesContracts } from "#app/modules/contracts/contract-queries.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ContractStatusBadge, Fen } from "#app/ui/contracts/contract-ui.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneDocumentsPage } from "#portal/components/zone/document-cards.tsx";

// 销售合同 in the customer's zone: the sales contracts published to the member's company (read-only).

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  return { zone: { name: context.zone.name }, rows: await listZoneSalesContracts(db, context.zone.companyId) };
}

export const meta = titleMeta("zoneContracts.title");

export default function ZoneSalesContracts() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneDocumentsPage
      zoneName={d.zone.name}
      title={t("zoneContracts.title")}
      description={t("zoneContracts.description")}
      empty={{ icon: FileSignature, title: t("zoneContracts.empty") }}
      monoKicker
      cards={d.rows.map((c) => ({
        id: c.id,
        to: `/zone/sales-contracts/${c.id}`,
        kicker: c.number,
        title: c.name,
        status: <ContractStatusBadge status={c.status} />,
        facts: [
          { label: t("contracts.field.amount"), value: <Fen value={c.amountFen} />, numeric: true },
          { label: t("contracts.field.received"), value: <Fen value={c.receivedFen} />, numeric: true },
          { label: t("contracts.field.signedOn"), value: c.signedOn ?? t("common.emptyValue"), numeric: true },
        ],
      }))}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
