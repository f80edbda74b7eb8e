import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { AssetListRow } from "#app/modules/service/assets.server.ts";
import type { ContractListRow } from "#app/modules/service/service-contracts.server.ts";
import { titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { ApprovalBadge, approvalKey, ExpiryBadge, responseModeKey, responseTimeKey } from "#app/ui/service/labels.tsx";
import { AssetStatusTag, ContractStatusTag } from "#app/ui/service/status-tags.tsx";

// The columns of the back office's asset and service-contract lists.

function AssetName({ row, card }: { row: AssetListRow; card: boolean }) {
  const { t } = useI18n();
  const facts = [
    row.number,
    row.model,
    row.parent ? t("zones.bo.asset.under", { name: row.parent.name }) : null,
    row._count.children > 0 ? t("zones.assets.childCount", { count: row._count.children }) : null,
  ];
  return (
    <>
      <RecordLink to={`/crm/assets/${row.id}`} card={card}>
        {row.name}
      </RecordLink>
      <span className="block text-xs text-slate-500">{facts.filter(Boolean).join(" · ")}</span>
    </>
  );
}

function Day({ value }: { value: Date | string | null }) {
  const { locale } = useI18n();
  return <span className="whitespace-nowrap tabular-nums">{value ? formatCompactDate(value, locale) : "—"}</span>;
}

export const assetColumns: Array<Column<AssetListRow>> = [
  titleColumn("name", "zones.asset.name", (r, card) => <AssetName row={r} card={card} />, { sortKey: "name" }),
  { id: "company", header: "common.customerCompany", cell: (r) => r.company.name, sortKey: "company", mobile: "meta" },
  {
    id: "serial",
    header: "zones.asset.serialNumber",
    cell: (r) => <span className="font-mono text-xs">{r.serialNumber ?? "—"}</span>,
    mobile: "meta",
  },
  {
    id: "warranty",
    header: "zones.asset.warrantyEnd",
    cell: (r) => <Day value={r.warrantyEnd} />,
    sortKey: "warranty",
    mobile: "hidden",
  },
  {
    id: "status",
    header: "zones.asset.statusLabel",
    cell: (r) => <AssetStatusTag status={r.status} />,
    mobile: "meta",
  },
];

function ContractName({ row, card }: { row: ContractListRow; card: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <RecordLink to={`/crm/service-contracts/${row.id}`} card={card}>
        {row.name}
      </RecordLink>
      <span className="block text-xs text-slate-500">
        {row.number} · {row.company.name} · {t("zones.contract.assetCount", { count: row._count.assets })}
      </span>
    </>
  );
}

function ContractLevel({ row }: { row: ContractListRow }) {
  const { t } = useI18n();
  return (
    <>
      {t(responseModeKey(row.responseMode))}
      <span className="block text-xs text-slate-500">{t(responseTimeKey(row.responseTime))}</span>
    </>
  );
}

function ContractPeriod({ row }: { row: ContractListRow }) {
  const { t, locale } = useI18n();
  return (
    <span className="whitespace-nowrap">
      {formatCompactDate(row.startDate, locale)}
      <span className="block text-xs text-slate-500">
        {t("zones.contract.until", { date: formatCompactDate(row.endDate, locale) })}
      </span>
    </span>
  );
}

function ContractStatus({ row }: { row: ContractListRow }) {
  const { t } = useI18n();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <ContractStatusTag status={row.status} />
      {row.status === "drafting" ? (
        <ApprovalBadge state={row.approvalState} label={t(approvalKey(row.approvalState))} />
      ) : null}
      <ExpiryBadge daysLeft={row.daysLeft} t={t} />
    </span>
  );
}

export const contractColumns: Array<Column<ContractListRow>> = [
  titleColumn("name", "zones.bo.contract.name", (r, card) => <ContractName row={r} card={card} />, {
    sortKey: "name",
  }),
  { id: "level", header: "zones.contract.level", cell: (r) => <ContractLevel row={r} />, mobile: "hidden" },
  {
    id: "period",
    header: "zones.contract.period",
    cell: (r) => <ContractPeriod row={r} />,
    card: (r) => <Day value={r.endDate} />,
    sortKey: "end",
    mobile: "meta",
  },
  { id: "owner", header: "zones.bo.contract.owner", cell: (r) => r.owner?.name ?? "—", mobile: "meta" },
  {
    id: "status",
    header: "zones.bo.contract.status",
    cell: (r) => <ContractStatus row={r} />,
    mobile: "meta",
  },
];
