import { FileSignature } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listZoneContracts } from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { contractTypeKey } from "#app/ui/service/labels.tsx";
import { ContractStanding, useContractLevel } from "#app/ui/service/status-tags.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneDocumentsPage } from "#portal/components/zone/document-cards.tsx";

// 服务合约: the company's service contracts that are (or were) in force.

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const now = new Date();
  const rows = await listZoneContracts(db, context.zone.companyId);
  return {
    zone: { name: context.zone.name },
    rows: rows.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      type: c.type,
      status: c.status,
      responseMode: c.responseMode,
      responseTime: c.responseTime,
      startDate: isoDay(c.startDate),
      endDate: isoDay(c.endDate),
      assets: c._count.assets,
      daysLeft: c.status === "in_force" ? daysUntil(c.endDate, now) : null,
    })),
  };
}

export const meta = titleMeta("zones.contracts.title");

export default function ZoneContracts() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const contractLevel = useContractLevel();
  return (
    <ZoneDocumentsPage
      zoneName={d.zone.name}
      title={t("zones.contracts.title")}
      description={t("zones.contracts.hint")}
      empty={{ icon: FileSignature, title: t("zones.contracts.empty"), description: t("zones.contracts.emptyHint") }}
      cards={d.rows.map((c) => ({
        id: c.id,
        to: `/zone/contracts/${c.id}`,
        kicker: `${c.number} · ${t(contractTypeKey(c.type))}`,
        title: c.name,
        status: <ContractStanding status={c.status} daysLeft={c.daysLeft} />,
        facts: [
          { label: t("zones.contract.level"), value: contractLevel(c) },
          { label: t("zones.contract.period"), value: `${c.startDate} — ${c.endDate}` },
        ],
        footnote: t("zones.contract.assetCount", { count: c.assets }),
      }))}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
