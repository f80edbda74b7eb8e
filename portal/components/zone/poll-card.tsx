import { Vote } from "lucide-react";
import { Form } from "react-router";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { PollView } from "#app/modules/zones/zone-polls.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { ChoiceCards } from "#app/ui/form/choice-cards.tsx";
import { PollResults } from "#app/ui/poll-results.tsx";

/**
 * One zone poll as a member sees it: the vote form until they voted (or it closed), the results after;
 * `error` / `thanks` answer this poll's last vote.
 */
export function PollCard({
  poll,
  error,
  thanks,
  submitting,
}: {
  poll: PollView;
  error: MessageKey | null;
  thanks: boolean;
  submitting: boolean;
}) {
  const { t, locale } = useI18n();
  const showResults = poll.options.some((o) => o.votes !== null);
  return (
    <Card className="p-5 sm:p-6" aria-labelledby={`poll-${poll.id}`}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge tone={poll.open ? "green" : "slate"}>
          {t(poll.open ? "knowledge.poll.open" : "knowledge.poll.closed")}
        </Badge>
        {poll.closedAt ? (
          <span>{t("knowledge.poll.closedAt", { date: formatCompactDate(poll.closedAt, locale) })}</span>
        ) : poll.closesAt ? (
          <span>{t("knowledge.poll.closesAt", { date: formatCompactDate(poll.closesAt, locale) })}</span>
        ) : null}
        {showResults ? <span>· {t("knowledge.poll.totalVotes", { count: poll.totalVotes })}</span> : null}
      </div>
      <h2 id={`poll-${poll.id}`} className="mt-2 text-lg font-semibold text-slate-900">
        {poll.question}
      </h2>

      {showResults ? (
        <PollResults options={poll.options} totalVotes={poll.totalVotes} chosenId={poll.myOptionId} className="mt-4" />
      ) : (
        <Form method="post" className="mt-4">
          <input type="hidden" name="pollId" value={poll.id} />
          <ChoiceCards
            name="optionId"
            legend={poll.question}
            hideLegend
            required
            options={poll.options.map((o) => ({ value: o.id, label: o.label }))}
            className="space-y-2"
            cardClassName="gap-3 py-2.5 text-slate-800 hover:bg-slate-50"
          />
          <div className="mt-4 flex items-center gap-3">
            <Button type="submit" disabled={submitting}>
              <Vote aria-hidden className="size-4" />
              {t("knowledge.poll.vote")}
            </Button>
            <span className="text-xs text-slate-500">{t("knowledge.poll.resultsAfterVote")}</span>
          </div>
        </Form>
      )}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {t(error)}
        </p>
      ) : thanks ? (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          {t("knowledge.poll.thanks")}
        </p>
      ) : poll.myOptionId !== null ? (
        <p className="mt-3 text-xs text-slate-500">{t("knowledge.poll.voted")}</p>
      ) : null}
    </Card>
  );
}
