import { ArrowRight, Globe2, Phone } from "lucide-react";
import { Link, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { DistributionRuleView } from "#app/modules/leads/distribution/distribution-rules.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { DISTRIBUTION_PATH, KeywordList, RightsSummary } from "#backoffice/components/distribution-ui.tsx";
import { MoveButtons, PostButton } from "#backoffice/components/rules-ui.tsx";

// One distribution rule in the evaluation order: its conditions, salespeople with their rights, the
// quick switches (on/off, also apply) and the order buttons. The catch-all has no place in the order.

export function DistributionRuleRow({
  rule,
  step,
  first,
  last,
}: {
  rule: DistributionRuleView;
  step: number | null;
  first: boolean;
  last: boolean;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const detail = `${DISTRIBUTION_PATH}/${rule.id}`;
  return (
    <li
      data-testid="distribution-rule"
      className={cn("flex flex-col gap-3 px-5 py-4 sm:flex-row", !rule.active && "bg-slate-50/70")}
    >
      <div className="flex shrink-0 items-start gap-3">
        <span
          aria-hidden
          className={cn(
            "flex size-8 items-center justify-center rounded-full text-sm font-semibold tabular-nums",
            rule.isCatchAll ? "bg-violet-100 text-violet-700" : "bg-blue-600 text-white",
            !rule.active && "bg-slate-200 text-slate-500",
          )}
        >
          {step ?? "∗"}
        </span>
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          <Link to={detail} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
            {rule.name}
          </Link>
          {rule.isCatchAll ? <Badge tone="violet">{t("distribution.badge.catchAll")}</Badge> : null}
          {rule.alsoApply ? <Badge tone="amber">{t("distribution.badge.alsoApply")}</Badge> : null}
          {!rule.active ? <Badge tone="slate">{t("distribution.badge.inactive")}</Badge> : null}
        </p>
        {rule.isCatchAll ? (
          <p className="text-sm text-slate-600">{t("distribution.rules.catchAllCondition")}</p>
        ) : (
          <dl className="space-y-1 text-sm text-slate-600">
            {(
              [
                [Globe2, "distribution.condition.region", rule.regionKeywords],
                [Phone, "distribution.condition.phone", rule.phoneKeywords],
              ] as const
            ).map(([Icon, label, keywords]) => (
              <div key={label} className="flex flex-wrap items-center gap-2">
                <dt className="inline-flex items-center gap-1 text-xs text-slate-500">
                  <Icon aria-hidden className="size-3.5" />
                  {t(label)}
                </dt>
                <dd>
                  <KeywordList keywords={keywords} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        {rule.assignees.length === 0 ? (
          <p className="text-sm font-medium text-amber-700">{t("distribution.rules.noAssignees")}</p>
        ) : (
          <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-sm">
            {rule.assignees.map((a) => (
              <li key={a.staffId} className="inline-flex flex-wrap items-center gap-1.5">
                <span className={cn("font-medium text-slate-800", a.status !== "active" && "text-slate-500")}>
                  {a.name}
                </span>
                <RightsSummary rights={a} />
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <PostButton
            fields={{ ruleId: rule.id, intent: rule.active ? "deactivate" : "activate" }}
            variant="secondary"
            size="sm"
            disabled={busy}
          >
            {rule.active ? t("distribution.action.deactivate") : t("distribution.action.activate")}
          </PostButton>
          {!rule.isCatchAll ? (
            <PostButton
              fields={{ ruleId: rule.id, intent: "alsoApply", value: rule.alsoApply ? "0" : "1" }}
              variant="secondary"
              size="sm"
              disabled={busy}
            >
              {rule.alsoApply ? t("distribution.action.alsoApplyOff") : t("distribution.action.alsoApplyOn")}
            </PostButton>
          ) : null}
          <Link
            to={detail}
            className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:underline"
          >
            {t("distribution.action.edit")}
            <ArrowRight aria-hidden className="size-3.5" />
          </Link>
        </div>
      </div>
      {!rule.isCatchAll ? (
        <MoveButtons
          className="shrink-0 sm:flex-col"
          fields={{ ruleId: rule.id }}
          first={first}
          last={last}
          disabled={busy}
          labels={{
            up: t("distribution.action.up", { name: rule.name }),
            down: t("distribution.action.down", { name: rule.name }),
          }}
        />
      ) : null}
    </li>
  );
}
