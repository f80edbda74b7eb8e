import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isMessageKey, type Translate } from "#app/lib/i18n/catalog.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { formatMoney } from "#app/lib/format/money.ts";

// Pieces shared by the campaign, opportunity and lead-conversion pages.

export const STAGES = ["prospecting", "qualification", "proposal", "negotiation", "won", "lost"] as const;
export type StageName = (typeof STAGES)[number];

const STAGE_TONES: Record<StageName, BadgeTone> = {
  prospecting: "slate",
  qualification: "blue",
  proposal: "violet",
  negotiation: "amber",
  won: "green",
  lost: "slate",
};

export function StageBadge({ stage }: { stage: StageName }) {
  const { t } = useI18n();
  return (
    <Badge tone={STAGE_TONES[stage]} className={stage === "lost" ? "line-through decoration-slate-400" : undefined}>
      {t(`sales.stage.${stage}`)}
    </Badge>
  );
}

export const CAMPAIGN_STATUS_NAMES = ["planning", "active", "adjusting", "completed", "cancelled"] as const;
export type CampaignStatusName = (typeof CAMPAIGN_STATUS_NAMES)[number];
const CAMPAIGN_TONES: Record<CampaignStatusName, BadgeTone> = {
  planning: "violet",
  active: "green",
  adjusting: "amber",
  completed: "blue",
  cancelled: "slate",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatusName }) {
  const { t } = useI18n();
  return (
    <Badge tone={CAMPAIGN_TONES[status]}>
      <span aria-hidden className="size-1.5 rounded-full bg-current opacity-70" />
      {t(`sales.campaignStatus.${status}`)}
    </Badge>
  );
}

/** The matcher's evidence code as words; an unknown code is shown as is. */
export function evidenceLabel(code: string, t: Translate): string {
  const key = `matching.evidence.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** A labelled target-vs-actual bar. The bar caps at 100 %; the text says how far over. */
export function ProgressRow({
  label,
  actual,
  target,
  percent,
  compact = false,
}: {
  label: string;
  actual: string;
  target: string | null;
  percent: number | null;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const width = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  const tone =
    percent === null
      ? "bg-slate-300"
      : percent >= 100
        ? "bg-emerald-500"
        : percent >= 50
          ? "bg-blue-500"
          : "bg-amber-500";
  return (
    <div role="group" aria-label={label} className={compact ? "space-y-1" : "space-y-1.5"}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="text-slate-600">{label}</span>
        <span className="text-slate-900 tabular-nums">
          <span className="font-medium">{actual}</span>
          <span className="text-slate-400"> / {target ?? t("sales.campaign.noTarget")}</span>
          {percent !== null ? <span className="ml-2 text-xs text-slate-500">{percent}%</span> : null}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={width}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={cn("h-full rounded-full transition-all", tone)} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

export function Field({
  label,
  name,
  error,
  hint,
  children,
  className,
}: {
  label: string;
  name: string;
  error?: string | null;
  hint?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${name}-error`} className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 aria-[invalid=true]:ring-red-400";

/** First error of a field from an action's `errors` map, translated. */
export function fieldError(errors: Record<string, string[]> | undefined, name: string, t: Translate): string | null {
  const key = errors?.[name]?.[0];
  if (!key) return null;
  return isMessageKey(key) ? t(key) : t("sales.error.invalid");
}

/** Line items (opportunity detail, conversion preview). */
export function ItemsTable({
  items,
  total,
}: {
  items: Array<{ sku: string; name: string; quantity: number; unitPrice: string; total: string }>;
  total: number;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t("sales.opportunity.items")}</caption>
        <thead className="border-b border-slate-100 bg-slate-50/70 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">
              {t("sales.item.product")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("sales.item.quantity")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("sales.item.price")}
            </th>
            <th scope="col" className="px-5 py-2 text-right font-medium">
              {t("sales.item.total")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((i, index) => (
            <tr key={`${i.sku}-${index}`}>
              <td className="px-5 py-2.5">
                <p className="text-slate-900">{i.name}</p>
                <p className="font-mono text-xs text-slate-400">{i.sku}</p>
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums">{i.quantity}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatMoney(i.unitPrice, locale)}</td>
              <td className="px-5 py-2.5 text-right font-medium tabular-nums">{formatMoney(i.total, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200">
            <th scope="row" colSpan={3} className="px-5 py-2.5 text-right text-sm font-medium text-slate-600">
              {t("sales.item.sum")}
            </th>
            <td className="px-5 py-2.5 text-right font-semibold tabular-nums">{formatMoney(total, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
