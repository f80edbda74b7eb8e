import { Plus } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import type { ZoneListRow } from "#app/modules/zones/zones.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// The back office's zone list: its columns and the "open a zone" card under it.

function ZoneName({ row, card }: { row: ZoneListRow; card: boolean }) {
  return (
    <>
      <RecordLink to={`/crm/zones/${row.id}`} card={card}>
        {row.name}
      </RecordLink>
      <span className="block text-xs text-slate-500">
        {row.company.number} · {row.company.name}
      </span>
    </>
  );
}

function Pending({ row }: { row: ZoneListRow }) {
  const { t } = useI18n();
  return row.pending > 0 ? (
    <Badge tone="amber">{t("zones.bo.zones.pendingCount", { count: row.pending })}</Badge>
  ) : (
    <span className="text-slate-400">0</span>
  );
}

export const zoneColumns: Array<Column<ZoneListRow>> = [
  titleColumn("zone", "common.zone", (r, card) => <ZoneName row={r} card={card} />, { sortKey: "name" }),
  {
    id: "csrs",
    header: "zones.bo.zones.csrs",
    cell: (r) => r.managers.map((m) => m.name).join("、") || "—",
    mobile: "meta",
  },
  {
    id: "members",
    header: "common.members",
    cell: (r) => <span className="tabular-nums">{r.activeMembers}</span>,
    mobile: "meta",
    className: "text-right",
  },
  {
    id: "pending",
    header: "zones.bo.zones.pending",
    cell: (r) => <Pending row={r} />,
    mobile: "meta",
    className: "text-right",
  },
];

export function OpenZoneCard({
  companies,
  sent,
  errors,
}: {
  companies: ReadonlyArray<{ id: number; name: string; number: string }>;
  sent: Record<string, string> | null;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <SectionCard icon={Plus} title={t("zones.bo.zones.create")} description={t("zones.bo.zones.createHint")} flush>
      <Form method="post" className="grid gap-4 px-5 py-4 sm:grid-cols-[2fr_2fr_auto] sm:items-end">
        <SelectField
          name="companyId"
          label={t("common.customerCompany")}
          required
          defaultValue={sent?.companyId ?? ""}
          placeholder={t("common.choose")}
          options={companies.map((c) => ({ value: String(c.id), label: `${c.name}（${c.number}）` }))}
          errors={errors.companyId}
        />
        <TextField
          name="name"
          label={t("zones.bo.zones.name")}
          maxLength={200}
          defaultValue={sent?.name}
          placeholder={t("zones.bo.zones.namePlaceholder")}
          errors={errors.name}
        />
        <SubmitButton>{t("zones.bo.zones.createSubmit")}</SubmitButton>
      </Form>
    </SectionCard>
  );
}
