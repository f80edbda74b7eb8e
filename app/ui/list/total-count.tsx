import { formatNumber } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "../cn.ts";

// "共 1,234 条", or "10,000+ 条" when the server stopped counting at its cap (countCapped in
// app/modules/views/count-capped.server.ts): an exact count of a million rows is a full scan.

/** What countCapped returns: `count` is exact unless `capped`, then it is the cap. */
export interface CappedCount {
  count: number;
  capped: boolean;
}

export function TotalCount({ total, className }: { total: CappedCount; className?: string }) {
  const { t, locale } = useI18n();
  const number = formatNumber(total.count, locale);
  return (
    <p
      className={cn("text-sm text-slate-500 tabular-nums", className)}
      aria-live="polite"
      title={total.capped ? t("list.total.cappedHint", { count: number }) : undefined}
      data-testid="list-total"
    >
      {total.capped ? t("list.total.capped", { count: number }) : t("list.total", { count: number })}
    </p>
  );
}
