import { Check } from "lucide-react";
import type { SalesOrderStatus } from "#app/generated/prisma/enums.ts";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { FULFILMENT_PATH } from "#app/modules/orders/order-status.ts";
import { stateBadge } from "../badge.tsx";
import { cn } from "../cn.ts";

// A sales order's status as a badge, and its fulfilment path as steps with their dates — the same in
// the back office and in the member's "我的订单".

export const OrderStatusBadge = stateBadge<SalesOrderStatus>(
  {
    confirmed: "blue",
    shipped: "violet",
    delivered: "amber",
    accepted: "amber",
    invoiced: "amber",
    paid: "green",
    cancelled: "slate",
  },
  (s) => `orders.status.${s}`,
  { dot: true, testId: "order-status" },
);

export type OrderStepDates = Partial<Record<`${(typeof FULFILMENT_PATH)[number]}At`, Date | string | null>>;

/** The six steps, each done (with its date) or not yet; a cancelled order shows no path. */
export function OrderSteps({ status, dates }: { status: SalesOrderStatus; dates: OrderStepDates }) {
  const { t, locale } = useI18n();
  if (status === "cancelled") return null;
  const reached = FULFILMENT_PATH.indexOf(status);
  return (
    <ol className="flex flex-wrap gap-x-1 gap-y-2 text-xs" aria-label={t("orders.tabs.fulfilment")}>
      {FULFILMENT_PATH.map((step, index) => {
        const done = index <= reached;
        const at = dates[`${step}At`];
        const label = t(`orders.status.${step}`);
        return (
          <li key={step} className="flex items-center gap-1">
            {index > 0 ? (
              <span aria-hidden className={cn("h-px w-4", done ? "bg-emerald-400" : "bg-slate-200")} />
            ) : null}
            <span
              className={cn(
                "inline-flex items-center gap-1 rounded-full px-2 py-1 ring-1 ring-inset",
                done ? "bg-emerald-50 text-emerald-800 ring-emerald-600/20" : "bg-white text-slate-500 ring-slate-200",
              )}
              title={
                done && at
                  ? t("orders.step.at", { step: label, date: formatCalendarDate(at, locale) })
                  : t("orders.step.pending", { step: label })
              }
            >
              {done ? <Check aria-hidden className="size-3" /> : null}
              {label}
              {done && at ? (
                <span className="text-emerald-700/80 tabular-nums">{formatCalendarDate(at, locale)}</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
