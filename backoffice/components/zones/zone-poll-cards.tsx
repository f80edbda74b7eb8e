import { Lock, Plus } from "lucide-react";
import { Form } from "react-router";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import type { StaffPollView } from "#app/modules/zones/zone-polls.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { bindFields } from "#app/ui/form/field-binder.ts";
import { SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { PollResultsChart } from "#backoffice/components/poll-results-chart.tsx";
import { IntentButton } from "#app/ui/form/intent-button.tsx";

// A zone poll as its CSRs see it (status, participation, the results chart and the numbers) and the
// form that starts a new one.

type Poll = Omit<StaffPollView, "closesAt" | "closedAt"> & {
  closesAt: string | Date | null;
  closedAt: string | Date | null;
};

function percentOf(votes: number, total: number) {
  return total > 0 ? Math.round((votes / total) * 100) : 0;
}

export function PollAdminCard({ poll, canClose }: { poll: Poll; canClose: boolean }) {
  const { t, locale } = useI18n();
  return (
    <SectionCard
      title={poll.question}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone={poll.open ? "green" : "slate"}>
            {t(poll.open ? "knowledge.poll.open" : "knowledge.poll.closed")}
          </Badge>
          <span>
            {t("knowledge.poll.admin.participation", { votes: poll.totalVotes, eligible: poll.eligibleVoters })}
          </span>
          {poll.closedAt ? (
            <span>· {t("knowledge.poll.closedAt", { date: formatCompactDate(poll.closedAt, locale) })}</span>
          ) : poll.closesAt ? (
            <span>· {t("knowledge.poll.closesAt", { date: formatCompactDate(poll.closesAt, locale) })}</span>
          ) : null}
        </span>
      }
      action={
        canClose && poll.closedAt === null ? (
          <IntentButton intent="close" field={{ name: "pollId", value: poll.id }} variant="secondary">
            <Lock aria-hidden className="size-4" />
            {t("knowledge.poll.admin.close")}
          </IntentButton>
        ) : null
      }
      flush
    >
      <div className="grid gap-4 px-5 py-4 md:grid-cols-[1fr_14rem]">
        <PollResultsChart question={poll.question} options={poll.options} />
        <ul className="space-y-1.5 text-sm">
          {poll.options.map((o) => (
            <li key={o.id} className="flex justify-between gap-3">
              <span className="min-w-0 truncate text-slate-700">{o.label}</span>
              <span className="shrink-0 text-slate-500 tabular-nums">
                {o.votes} · {percentOf(o.votes, poll.totalVotes)}%
              </span>
            </li>
          ))}
        </ul>
      </div>
    </SectionCard>
  );
}

export function NewPollForm({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { t } = useI18n();
  const field = bindFields("poll", errors, values);
  return (
    <SectionCard title={t("knowledge.poll.admin.new")} icon={Plus} flush>
      <Form method="post" className="space-y-4 px-5 py-4" noValidate>
        <TextField
          {...field("question")}
          label={t("knowledge.poll.admin.question")}
          maxLength={300}
          placeholder={t("knowledge.poll.admin.questionPlaceholder")}
        />
        <TextareaField
          {...field("options")}
          label={t("knowledge.poll.admin.options")}
          rows={5}
          hint={t("knowledge.poll.admin.optionsHint")}
        />
        <TextField
          {...field("closesAt", "poll-closes")}
          type="datetime-local"
          label={t("knowledge.poll.admin.closesAtLabel")}
        />
        <SubmitButton intent="create">{t("knowledge.poll.admin.create")}</SubmitButton>
      </Form>
    </SectionCard>
  );
}
