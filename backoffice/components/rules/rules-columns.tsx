import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CategoryListRow, TokenGroupListRow } from "#app/modules/leads/distribution/rules-lists.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { ActiveBadge, KindBadge, RULES_PATHS, StaffStatusBadge } from "#backoffice/components/rules-ui.tsx";

// The columns of the 营销规则 lists (registration categories, token groups) for the list kit's table:
// a table from `md` up, stacked cards below. Sort keys are those of rules-list-query.ts.

function Unbound() {
  const { t } = useI18n();
  return <span className="text-slate-400">{t("rules.unbound")}</span>;
}

function Count({ value }: { value: number }) {
  const { locale } = useI18n();
  return <span className="text-slate-700 tabular-nums">{value.toLocaleString(locale)}</span>;
}

export const categoryColumns: Array<Column<CategoryListRow>> = [
  {
    id: "category",
    header: "rules.col.category",
    sortKey: "code",
    hideable: false,
    mobile: "title",
    className: "min-w-40",
    cell: (c) => (
      <>
        <Link
          to={`${RULES_PATHS.categories}/${c.id}`}
          className="font-medium text-slate-900 hover:text-blue-700 hover:underline"
        >
          {c.name}
        </Link>
        <p className="mt-0.5 font-mono text-xs text-slate-500">{c.code}</p>
      </>
    ),
  },
  { id: "kind", header: "rules.col.kind", mobile: "meta", cell: (c) => <KindBadge kind={c.kind} /> },
  {
    id: "tokenGroup",
    header: "common.tokenGroup",
    mobile: "meta",
    className: "whitespace-nowrap",
    cell: (c) =>
      c.tokenGroup ? (
        <Link
          to={`${RULES_PATHS.groups}/${c.tokenGroup.id}`}
          className="text-slate-700 hover:text-blue-700 hover:underline"
        >
          {c.tokenGroup.name}
        </Link>
      ) : (
        <Unbound />
      ),
  },
  {
    id: "campaign",
    header: "rules.col.campaign",
    mobile: "meta",
    className: "min-w-36",
    cell: (c) => (c.campaign ? <span className="text-slate-700">{c.campaign.name}</span> : <Unbound />),
  },
  {
    id: "designated",
    header: "common.designatedPerson",
    mobile: "meta",
    className: "whitespace-nowrap",
    cell: (c) => (
      <span className="inline-flex items-center gap-2 text-slate-700">
        {c.designatedStaff.name}
        <StaffStatusBadge status={c.designatedStaff.status} />
      </span>
    ),
  },
  { id: "status", header: "rules.col.status", mobile: "meta", cell: (c) => <ActiveBadge active={c.active} /> },
  {
    id: "keys",
    header: "rules.col.keys",
    sortKey: "keys",
    mobile: "meta",
    className: "text-right",
    cell: (c) =>
      c.activeKeys > 0 ? <Badge tone="blue">{c.activeKeys}</Badge> : <span className="text-slate-400">0</span>,
  },
  {
    id: "leads",
    header: "rules.col.leads",
    sortKey: "leads",
    mobile: "meta",
    className: "text-right",
    cell: (c) => <Count value={c.leadCount} />,
  },
];

function NextInTurn({ group }: { group: TokenGroupListRow }) {
  const { t } = useI18n();
  return group.next ? (
    <span className="font-medium text-slate-900">{group.next.name}</span>
  ) : (
    <span className="font-medium text-amber-700">{t("rules.groups.nobody")}</span>
  );
}

function UsedBy({ group }: { group: TokenGroupListRow }) {
  const { t } = useI18n();
  if (group.categories.length === 0) return <span className="text-xs text-slate-400">{t("rules.groups.unused")}</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {group.categories.map((c) => (
        <Badge key={c.id} tone={c.active ? "blue" : "slate"}>
          {c.name}
        </Badge>
      ))}
    </span>
  );
}

export const tokenGroupColumns: Array<Column<TokenGroupListRow>> = [
  {
    id: "group",
    header: "common.tokenGroup",
    sortKey: "name",
    hideable: false,
    mobile: "title",
    cell: (g) => (
      <Link
        to={`${RULES_PATHS.groups}/${g.id}`}
        className="font-medium text-slate-900 hover:text-blue-700 hover:underline"
      >
        {g.name}
      </Link>
    ),
  },
  {
    id: "members",
    header: "common.members",
    sortKey: "members",
    mobile: "meta",
    className: "text-right",
    cell: (g) => <Count value={g.memberCount} />,
  },
  {
    id: "eligible",
    header: "rules.col.eligible",
    mobile: "meta",
    className: "text-right",
    cell: (g) =>
      g.eligibleCount === 0 ? (
        <span className="font-medium text-amber-700 tabular-nums">0</span>
      ) : (
        <Count value={g.eligibleCount} />
      ),
  },
  { id: "next", header: "common.next", mobile: "meta", cell: (g) => <NextInTurn group={g} /> },
  { id: "categories", header: "rules.col.usedBy", mobile: "meta", cell: (g) => <UsedBy group={g} /> },
];
