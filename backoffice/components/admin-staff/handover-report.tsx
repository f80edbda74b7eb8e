import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { HANDOVER_TYPES, type HandOverType, type TypeCounts } from "#app/modules/admin/handover-types.ts";

// The hand-over report: per record type, what the leaver held before, what moved (and to whom),
// and what is left at the end (zero everywhere when the run is done).

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
    <table className="w-full text-sm">
      <thead className="bg-slate-50 text-left text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2 font-medium">{t("adminStaff.handover.type")}</th>
          <th className="px-4 py-2 text-right font-medium">{t("adminStaff.handover.before")}</th>
          <th className="px-4 py-2 text-right font-medium">{t("adminStaff.handover.moved")}</th>
          <th className="px-4 py-2 text-right font-medium">{t("adminStaff.handover.after")}</th>
          <th className="px-4 py-2 font-medium">{t("adminStaff.handover.recipient")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {HANDOVER_TYPES.map((type) => (
          <tr key={type} data-type={type}>
            <th scope="row" className="px-4 py-2 text-left font-normal text-slate-700">
              {t(`adminStaff.handover.type.${type}`)}
            </th>
            <td className="px-4 py-2 text-right" data-testid={`before-${type}`}>
              {before[type]}
            </td>
            <td className="px-4 py-2 text-right" data-testid={`moved-${type}`}>
              {moved[type]}
            </td>
            <td className="px-4 py-2 text-right" data-testid={`after-${type}`}>
              {after ? after[type] : "…"}
            </td>
            <td className="px-4 py-2 text-slate-700">{to.get(type)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
