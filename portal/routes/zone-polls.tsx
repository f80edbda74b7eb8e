import { BarChart3, CheckCircle2, Vote } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { castVote, listPollsForMember, type VoteResult } from "#app/modules/zones/zone-polls.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { ChoiceCards } from "#app/ui/form/choice-cards.tsx";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// 专区投票: the zone's polls; one vote per member, results once voted or closed.

export async function loader({ request }: LoaderFunctionArgs) {
  const { zone, member } = await requireZoneAccess(request);
  return { zoneName: zone.name, polls: await listPollsForMember(db, zone.id, member.id) };
}

const VOTE_ERRORS: Record<Exclude<VoteResult, { ok: true }>["reason"], MessageKey> = {
  "not-found": "knowledge.poll.error.notFound",
  "not-member": "knowledge.poll.error.notMember",
  closed: "knowledge.poll.error.closed",
  "already-voted": "knowledge.poll.error.alreadyVoted",
  "invalid-option": "knowledge.poll.error.invalidOption",
};

export async function action({ request }: ActionFunctionArgs) {
  const { zone, member } = await requireZoneAccess(request);
  const form = await request.formData();
  const pollId = Number(form.get("pollId"));
  const optionId = Number(form.get("optionId"));
  if (!Number.isInteger(pollId) || pollId <= 0)
    return data({ pollId: 0, error: VOTE_ERRORS["not-found"] }, { status: 404 });
  if (!Number.isInteger(optionId) || optionId <= 0) {
    return data({ pollId, error: "knowledge.poll.chooseOption" as MessageKey }, { status: 400 });
  }
  const result = await castVote(db, { memberId: member.id, zoneId: zone.id }, pollId, optionId);
  if (result.ok) return { pollId, error: null };
  const status = result.reason === "not-found" ? 404 : result.reason === "not-member" ? 403 : 409;
  return data({ pollId, error: VOTE_ERRORS[result.reason] }, { status });
}

export const meta = titleMeta("knowledge.poll.title");

export default function ZonePollsPage() {
  const { zoneName, polls } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  return (
    <ZoneShell zoneName={zoneName} narrow>
      <AccountPageHeader title={t("knowledge.poll.title")} description={t("knowledge.poll.lead")} />

      {polls.length === 0 ? (
        <EmptyCard
          icon={BarChart3}
          title={t("knowledge.poll.empty.title")}
          description={t("knowledge.poll.empty.body")}
        />
      ) : (
        polls.map((poll) => {
          const showResults = poll.options.some((o) => o.votes !== null);
          const error = actionData?.pollId === poll.id ? actionData.error : null;
          const thanks = actionData?.pollId === poll.id && !actionData.error;
          const submitting =
            navigation.state === "submitting" && navigation.formData?.get("pollId") === String(poll.id);
          return (
            <Card key={poll.id} className="p-5 sm:p-6" aria-labelledby={`poll-${poll.id}`}>
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
                <ul className="mt-4 space-y-3">
                  {poll.options.map((o) => {
                    const votes = o.votes ?? 0;
                    const percent = poll.totalVotes > 0 ? Math.round((votes / poll.totalVotes) * 100) : 0;
                    const mine = poll.myOptionId === o.id;
                    return (
                      <li key={o.id}>
                        <div className="flex items-center justify-between gap-3 text-sm">
                          <span
                            className={cn(
                              "flex items-center gap-1.5",
                              mine ? "font-semibold text-blue-700" : "text-slate-700",
                            )}
                          >
                            {mine ? (
                              <CheckCircle2 aria-label={t("knowledge.poll.yourChoice")} className="size-4" />
                            ) : null}
                            {o.label}
                          </span>
                          <span className="text-slate-500 tabular-nums">
                            {t("knowledge.poll.percent", { percent })} · {t("knowledge.poll.votesOf", { votes })}
                          </span>
                        </div>
                        <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                          <div
                            className={cn("h-full rounded-full", mine ? "bg-blue-600" : "bg-slate-400")}
                            style={{ width: `${percent}%` }}
                          />
                        </div>
                      </li>
                    );
                  })}
                </ul>
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
        })
      )}
    </ZoneShell>
  );
}
