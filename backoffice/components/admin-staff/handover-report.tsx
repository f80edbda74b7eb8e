import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { HANDOVER_TYPES, type HandOverType, type TypeCounts } from "#app/modules/admin/handover-types.ts";
import { cn } from "#app/ui/cn.ts";

// The hand-over tables: one row per record type the leaver may hold. The form shows what they hold
// with a recipient picker per type; the report what they held before, what moved (and to whom) and
// what is left at the end (zero everywhere when the run is done).

export interface HandOverColumn {
  key: string;
  header: string;
  cell: (type: HandOverType) => ReactNode;
  /** Right-aligned figures; their cells get `data-testid="<key>-<type>"`. */
  count?: boolean;
}

export function HandOverTable({ columns }: { columns: readonly HandOverColumn[] }) {
  const { t } = useI18n();
  return (
    <table className="w-full text-sm">
      <thead className="bg-slate-50 text-left text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2 font-medium">{t("adminStaff.handover.type")}</th>
          {columns.map((c) => (
            <th key={c.key} className={cn("px-4 py-2 font-medium", c.count && "text-right")}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {HANDOVER_TYPES.map((type) => (
          <tr key={type} data-type={type}>
            <th scope="row" className="px-4 py-2 text-left font-normal text-slate-700">
              {t(`adminStaff.handover.type.${type}`)}
            </th>
            {columns.map((c) => (
              <td
                key={c.key}
                className={cn("px-4 py-2", c.count ? "text-right tabular-nums" : "text-slate-700")}
                data-testid={c.count ? `${c.key}-${type}` : undefined}
              >
                {c.cell(type)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HandOverReport({
  before,
  moved,
  after,
  split,
}: {
  before: TypeCounts;
  moved: TypeCounts;
  after: TypeCounts | null;
  split: Array<{ type: HandOverType; toName: string }>;
}) {
  const { t } = useI18n();
  const to = new Map(split.map((s) => [s.type, s.toName]));
  return (
    <HandOverTable
      columns={[
        { key: "before", header: t("adminStaff.handover.before"), count: true, cell: (type) => before[type] },
        { key: "moved", header: t("adminStaff.handover.moved"), count: true, cell: (type) => moved[type] },
        {
          key: "after",
          header: t("adminStaff.handover.after"),
          count: true,
          cell: (type) => (after ? after[type] : "…"),
        },
        { key: "recipient", header: t("adminStaff.handover.recipient"), cell: (type) => to.get(type) },
      ]}
    />
  );
}
