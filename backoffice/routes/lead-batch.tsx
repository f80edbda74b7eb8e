import { CircleCheck, CircleX, Layers, LoaderCircle } from "lucide-react";
import { useEffect } from "react";
import { data, Link, useLoaderData, useRevalidator, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Translate } from "#app/lib/i18n/translate.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { isBatchSuccess } from "#app/modules/leads/record/lead-batch-outcomes.ts";
import { getLeadBatchView } from "#app/modules/leads/record/lead-batch-view.server.ts";
import type { BatchParams } from "#app/modules/leads/record/lead-batches.server.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { RightsSummary } from "#backoffice/components/distribution-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// A batch of lead operations: a progress bar that refreshes while the job runs, then the result by
// outcome, with the leads that were skipped and why.

/** Batches are run by whoever may transfer or modify leads; the page then shows only their own (or all, to a manager). */
const BATCH_RUNNERS = {
  anyOf: [
    { module: "leads", action: "modify" },
    { module: "leads", action: "transfer" },
  ],
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, BATCH_RUNNERS);
  const result = await getLeadBatchView(db, actor, requireIdParam(params.batchId));
  if (result.status !== "ok") throw data(null, { status: result.status === "forbidden" ? 403 : 404 });
  return result.view;
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, "distribution.batch.pageTitle", { id: loaderData?.batch.id ?? "" });

/** "rule:3+5" → "北京地区 + 上海地区"; other outcomes through i18n. */
function outcomeLabel(outcome: string, params: BatchParams, t: Translate): string {
  const ruleName = (id: string) =>
    params.kind === "distribute_rules" ? (params.rules.find((r) => String(r.id) === id)?.name ?? `#${id}`) : `#${id}`;
  const unchanged = outcome.startsWith("unchanged:");
  const core = unchanged ? outcome.slice("unchanged:".length) : outcome;
  if (core.startsWith("rule:")) {
    const names = core.slice(5).split("+").map(ruleName).join(" + ");
    return unchanged
      ? t("distribution.outcome.ruleUnchanged", { rules: names })
      : t("distribution.outcome.rule", { rules: names });
  }
  switch (outcome) {
    case "transferred":
    case "distributed":
    case "recalled":
    case "unchanged":
    case "no-rule":
    case "forbidden":
    case "gone":
    case "already-owner":
    case "target-inactive":
    case "nothing-to-recall":
      return t(`distribution.outcome.${outcome}`);
    default:
      return outcome;
  }
}

const STATUS_TONE: Record<string, BadgeTone> = { pending: "slate", running: "blue", done: "green", failed: "amber" };

export default function LeadBatchPage() {
  const { batch, skipped } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const revalidator = useRevalidator();
  const running = batch.status === "pending" || batch.status === "running";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") void revalidator.revalidate();
    }, 1_000);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  const percent = batch.total > 0 ? Math.floor((batch.processed / batch.total) * 100) : 100;
  const outcomes = Object.entries(batch.summary).sort((a, b) => b[1] - a[1]);

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<Layers aria-hidden className="size-6" />}
        eyebrow={t("distribution.batch.eyebrow")}
        title={t(`distribution.batch.kind.${batch.kind}`)}
        description={<BatchParamsText params={batch.params} />}
        actions={
          <ButtonLink to="/crm/leads?tab=all" variant="secondary">
            {t("common.backToLeads")}
          </ButtonLink>
        }
      />

      <Card>
        <CardHeader
          icon={
            running ? (
              <LoaderCircle aria-hidden className="size-4 animate-spin" />
            ) : batch.status === "done" ? (
              <CircleCheck aria-hidden className="size-4 text-emerald-600" />
            ) : (
              <CircleX aria-hidden className="size-4 text-amber-600" />
            )
          }
          title={t("distribution.batch.progress")}
          description={t("distribution.batch.meta", {
            id: batch.id,
            who: batch.creator?.name ?? "—",
            when: formatDateTime(batch.createdAt, locale),
          })}
          action={<Badge tone={STATUS_TONE[batch.status]}>{t(`distribution.batch.status.${batch.status}`)}</Badge>}
        />
        <div className="space-y-4 p-5">
          <div>
            <div className="mb-1.5 flex items-baseline justify-between text-sm">
              <span className="font-medium text-slate-800" aria-live="polite">
                {t("distribution.batch.counter", { processed: batch.processed, total: batch.total })}
              </span>
              <span className="text-slate-500 tabular-nums">{percent}%</span>
            </div>
            <div
              role="progressbar"
              aria-label={t("distribution.batch.progress")}
              aria-valuemin={0}
              aria-valuemax={batch.total}
              aria-valuenow={batch.processed}
              className="h-3 overflow-hidden rounded-full bg-slate-100"
            >
              <div
                className={cn(
                  "h-full rounded-full transition-[width] duration-500",
                  batch.status === "done" ? "bg-emerald-500" : "bg-blue-600",
                )}
                style={{ width: `${percent}%` }}
              />
            </div>
          </div>
          <dl className="grid grid-cols-3 gap-3 text-center">
            <Stat label={t("distribution.batch.succeeded")} value={batch.succeeded} tone="text-emerald-700" />
            <Stat label={t("distribution.batch.skipped")} value={batch.skipped} tone="text-amber-700" />
            <Stat
              label={t("distribution.batch.remaining")}
              value={batch.total - batch.processed}
              tone="text-slate-700"
            />
          </dl>
          {running ? <p className="text-sm text-slate-500">{t("distribution.batch.runningHint")}</p> : null}
          {batch.lastError ? (
            <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("distribution.batch.retrying")}
            </p>
          ) : null}
          {batch.finishedAt ? (
            <p className="text-sm text-slate-500">
              {t("distribution.batch.finishedAt", { when: formatDateTime(batch.finishedAt, locale) })}
            </p>
          ) : null}
        </div>
      </Card>

      {outcomes.length > 0 ? (
        <Card>
          <CardHeader
            title={t("distribution.batch.summary")}
            description={t("distribution.batch.summary.description")}
          />
          <ul className="divide-y divide-slate-100">
            {outcomes.map(([outcome, count]) => (
              <li key={outcome} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden
                    className={cn("size-2 rounded-full", isBatchSuccess(outcome) ? "bg-emerald-500" : "bg-amber-500")}
                  />
                  {outcomeLabel(outcome, batch.params, t)}
                </span>
                <span className="font-semibold text-slate-900 tabular-nums">{count}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {skipped.some((s) => s.leads.length > 0) ? (
        <Card>
          <CardHeader title={t("distribution.batch.skippedLeads")} />
          <div className="space-y-4 p-5">
            {skipped.map((group) => (
              <div key={group.outcome}>
                <p className="text-sm font-medium text-slate-700">{outcomeLabel(group.outcome, batch.params, t)}</p>
                <ul className="mt-1.5 flex flex-wrap gap-2">
                  {group.leads.map((lead) => (
                    <li key={lead.id}>
                      <Link
                        to={`/crm/leads/${lead.id}`}
                        className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 text-xs hover:border-blue-300 hover:text-blue-700"
                      >
                        <span className="font-mono">{lead.number}</span>
                        <span className="text-slate-500">{lead.contactName ?? lead.companyName ?? ""}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cn("mt-0.5 text-xl font-semibold tabular-nums", tone)}>{value}</dd>
    </div>
  );
}

function BatchParamsText({ params }: { params: BatchParams }) {
  const { t } = useI18n();
  switch (params.kind) {
    case "transfer":
      return <>{t("distribution.batch.params.transfer", { name: params.toName })}</>;
    case "distribute_rules":
      return <>{t("distribution.batch.params.rules", { rules: params.rules.map((r) => r.name).join("、") })}</>;
    case "recall":
      return (
        <>
          {params.fromStaffIds === "all"
            ? t("distribution.batch.params.recallAll")
            : t("distribution.batch.params.recall", { names: params.fromNames.join("、") })}
        </>
      );
    case "distribute_manual":
      return (
        <span className="inline-flex flex-wrap items-center gap-2">
          {t("distribution.batch.params.manual")}
          {params.assignees.map((a) => (
            <span key={a.staffId} className="inline-flex items-center gap-1">
              <span className="font-medium text-slate-700">{a.name}</span>
              <RightsSummary rights={a} />
            </span>
          ))}
        </span>
      );
  }
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/leads" backLabel="common.backToLeads" texts="rules.error" />;
}
