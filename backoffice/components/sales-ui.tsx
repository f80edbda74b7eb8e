import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isMessageKey, type Translate } from "#app/lib/i18n/catalog.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge, stateBadge, type BadgeTone } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { TextField } from "#app/ui/form/text-field.tsx";

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
export const CampaignStatusBadge = stateBadge<CampaignStatusName>(
  { planning: "violet", active: "green", adjusting: "amber", completed: "blue", cancelled: "slate" },
  (s) => `sales.campaignStatus.${s}`,
  { dot: true },
);

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

/** An opportunity's win probability, a whole percent from 0 to 100. */
export function ProbabilityField({ defaultValue, errors }: { defaultValue: number; errors?: readonly MessageKey[] }) {
  const { t } = useI18n();
  return (
    <TextField
      name="probability"
      type="number"
      min={0}
      max={100}
      label={t("sales.opportunity.probability")}
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}
