import { Eye, ShieldCheck } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Translate } from "#app/lib/i18n/translate.ts";

// Says over which records the campaign statistics were computed (seed §2.F: permission-scoped).

type ScopeName = "own" | "team" | "all" | null;

function scopeWord(kind: "lead" | "opp", scope: ScopeName, t: Translate): string {
  return t(`sales.scope.${kind}.${scope ?? "none"}`);
}

export function CampaignScopeNote({
  scope,
  counts,
}: {
  scope: { full: boolean; leadScope: ScopeName; opportunityScope: ScopeName };
  /** Counts of what the numbers cover (detail page). */
  counts?: { leads: number; opportunities: number };
}) {
  const { t } = useI18n();
  if (scope.full) {
    return (
      <p className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-900">
        <ShieldCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
        {counts ? t("sales.scope.fullCounts", counts) : t("sales.scope.full")}
      </p>
    );
  }
  return (
    <p className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
      <Eye className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        {counts ? t("sales.scope.partialCounts", counts) : t("sales.scope.partial")}{" "}
        <span className="text-amber-800/80">
          {t("sales.scope.explain", {
            leads: scopeWord("lead", scope.leadScope, t),
            opportunities: scopeWord("opp", scope.opportunityScope, t),
          })}
        </span>
      </span>
    </p>
  );
}
