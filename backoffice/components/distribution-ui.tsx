import { Check, ListOrdered, Minus } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";

// Pieces shared by the 线索分发规则 pages, the inbox's batch toolbar and the batch progress page.

export const DISTRIBUTION_PATH = "/crm/rules/distribution";
export const BATCH_PATH = "/crm/leads/batches";

export const RIGHTS = ["canEditNeed", "canEditContact", "canEditCompany", "canEditStatus"] as const;
export type Right = (typeof RIGHTS)[number];

export const RIGHT_LABELS: Record<Right, MessageKey> = {
  canEditNeed: "distribution.right.need",
  canEditContact: "distribution.right.contact",
  canEditCompany: "distribution.right.company",
  canEditStatus: "distribution.right.status",
};

/** "北京 OR beijing" as chips with OR between them. */
export function KeywordList({ keywords }: { keywords: readonly string[] }) {
  const { t } = useI18n();
  if (keywords.length === 0) return <span className="text-slate-400">{t("distribution.keywords.none")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {keywords.map((k, i) => (
        <span key={k} className="inline-flex items-center gap-1">
          {i > 0 ? <span className="text-[11px] font-semibold text-slate-400">OR</span> : null}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{k}</code>
        </span>
      ))}
    </span>
  );
}

/** The four field groups a person may edit, as compact ticks. */
export function RightsSummary({ rights }: { rights: Record<Right, boolean> }) {
  const { t } = useI18n();
  const granted = RIGHTS.filter((r) => rights[r]);
  if (granted.length === RIGHTS.length) return <Badge tone="green">{t("distribution.right.all")}</Badge>;
  if (granted.length === 0) return <Badge tone="slate">{t("distribution.right.readOnly")}</Badge>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {RIGHTS.map((r) => (
        <span
          key={r}
          className={cn(
            "inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[11px] font-medium",
            rights[r] ? "bg-emerald-50 text-emerald-700" : "bg-slate-50 text-slate-400 line-through",
          )}
        >
          {rights[r] ? <Check aria-hidden className="size-3" /> : <Minus aria-hidden className="size-3" />}
          {t(RIGHT_LABELS[r])}
        </span>
      ))}
    </span>
  );
}

/** How a lead matching several rules is treated: shown on the rules pages and next to the preview. */
export function HowRulesWork({ className }: { className?: string }) {
  const { t } = useI18n();
  const points: MessageKey[] = [
    "distribution.how.1",
    "distribution.how.2",
    "distribution.how.3",
    "distribution.how.4",
    "distribution.how.5",
  ];
  return (
    <Card className={className}>
      <CardHeader icon={<ListOrdered aria-hidden className="size-4" />} title={t("distribution.how.title")} />
      <ol className="list-decimal space-y-2.5 py-5 pr-5 pl-10 text-sm leading-6 text-slate-600 marker:text-slate-400">
        {points.map((p) => (
          <li key={p}>{t(p)}</li>
        ))}
      </ol>
    </Card>
  );
}
