import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import type { SalesContractStatus } from "#app/generated/prisma/enums.ts";
import { contractList } from "#app/modules/contracts/contract-list-query.ts";
import { CONTRACT_STATUSES } from "#app/modules/contracts/contract-model.ts";
import { badgeColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { amountColumn, codeColumn, textColumn } from "../list-columns.tsx";
import { listScreen, valueSelect, yesNoSelect } from "../list-screen.tsx";
import { ContractStatusBadge, contractStatusKey, Fen } from "#app/ui/contracts/contract-ui.tsx";

// The contract list's columns (ids in CONTRACT_COLUMNS, contract-list-query.ts) and its screen.

export const CONTRACTS_PATH = "/crm/contracts";

export interface ContractRow {
  id: number;
  number: string;
  name: string;
  status: SalesContractStatus;
  typeCode: string;
  /** The system table's label of typeCode, in the reader's locale (the loader adds it). */
  typeLabel: string;
  signedOn: Date | null;
  amountFen: number;
  receivedFen: number;
  updatedAt: Date;
  company: { id: number; name: string };
  owner: { id: number; name: string };
}

const money = (pick: (r: ContractRow) => number) => (r: ContractRow) => <Fen value={pick(r)} />;

export const contractColumns: Array<Column<ContractRow>> = [
  codeColumn("number", "contracts.col.number", (r) => r.number, { mobile: "meta" }),
  titleColumn(
    "name",
    "contracts.col.name",
    (r, card) => (
      <RecordLink to={`${CONTRACTS_PATH}/${r.id}`} card={card}>
        {r.name}
      </RecordLink>
    ),
    { sortKey: "name", className: "min-w-48" },
  ),
  textColumn("company", "contracts.col.company", (r) => r.company.name),
  badgeColumn("status", "contracts.col.status", (r) => <ContractStatusBadge status={r.status} />),
  textColumn("type", "contracts.col.type", (r) => r.typeLabel, { muted: true, mobile: "hidden", sortable: false }),
  textColumn("signed", "contracts.col.signed", (r) => <Day value={r.signedOn} />, { nowrap: true, muted: true }),
  amountColumn(
    "amount",
    "contracts.col.amount",
    money((r) => r.amountFen),
  ),
  amountColumn(
    "received",
    "contracts.col.received",
    money((r) => r.receivedFen),
    { muted: true, mobile: "hidden" },
  ),
  { ...personColumn("owner", "contracts.col.owner", (r) => r.owner.name), sortKey: "owner" },
  {
    id: "updated",
    header: "contracts.col.updated",
    sortKey: "updated",
    mobile: "hidden",
    className: "whitespace-nowrap text-slate-500",
    cell: (r) => <Day value={r.updatedAt} />,
  },
];

function Day({ value }: { value: Date | null }) {
  const { locale } = useI18n();
  return <>{formatCalendarDate(value, locale)}</>;
}

export const contractsScreen = listScreen({
  path: CONTRACTS_PATH,
  kit: contractList,
  heading: { module: "opportunities" },
  title: "contracts.title",
  description: "contracts.description",
  search: { id: "contracts-q", placeholder: "contracts.searchPlaceholder" },
  selects: [
    valueSelect("status", "contracts.col.status", CONTRACT_STATUSES, contractStatusKey),
    yesNoSelect("overdue", "contracts.filter.overdue", "common.yes", "common.no"),
  ],
  table: {
    columns: contractColumns,
    rowKey: (r) => r.id,
    cardAside: (r) => <ContractStatusBadge status={r.status} />,
    label: "contracts.title",
  },
  empty: { title: "contracts.empty", description: "contracts.emptyHint", filteredTitle: "contracts.emptyFiltered" },
});
