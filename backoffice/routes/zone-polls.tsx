import { ArrowLeft, BarChart3, CheckCircle2, Lock, Plus } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { Action } from "#app/modules/auth/permissions.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { serviceActor, zoneWhereForScope } from "#app/modules/zones/service-scope.server.ts";
import { closePoll, createPoll, listPollsForStaff, type PollField } from "#app/modules/zones/zone-polls.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { formatDay } from "#app/ui/knowledge-badges.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { inputClass } from "#backoffice/components/knowledge-form.tsx";
import { PollResultsChart } from "#backoffice/components/poll-results-chart.tsx";

// /crm/zones/:zoneId/polls — 专区投票 of one zone: start a poll, close it, read the results.
// Seeing needs service:browse over this zone's customer; starting service:add, closing service:modify.

async function zoneInScope(principal: StaffPrincipal, zoneId: number, action: Action) {
  const actor = serviceActor(principal, action);
  if (!actor) return null;
  return db.zone.findFirst({
    where: { id: zoneId, ...zoneWhereForScope(actor.scope, actor) },
    select: { id: true, name: true },
  });
}

function zoneIdOf(params: LoaderFunctionArgs["params"]): number {
  const id = Number(params.zoneId);
  if (!Number.isInteger(id) || id <= 0) throw data(null, { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "service", "browse");
  const zoneId = zoneIdOf(params);
  const zone = await zoneInScope(principal, zoneId, "browse");
  if (!zone) throw data(null, { status: 404 });
  const [canAdd, canClose] = await Promise.all([
    zoneInScope(principal, zoneId, "add").then(Boolean),
    zoneInScope(principal, zoneId, "modify").then(Boolean),
  ]);
  const flash = new URL(request.url).searchParams.get("flash");
  return {
    zone,
    polls: await listPollsForStaff(db, { zoneId }),
    canAdd,
    canClose,
    flash: flash === "created" || flash === "closed" ? flash : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "service", "browse");
  const zoneId = zoneIdOf(params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const actor = { staffId: principal.staff.id, ipAddress: clientIp(context) };
  if (intent === "create") {
    if (!(await zoneInScope(principal, zoneId, "add"))) throw data(null, { status: 403 });
    const values = {
      question: String(form.get("question") ?? ""),
      options: String(form.get("options") ?? ""),
      closesAt: String(form.get("closesAt") ?? ""),
    };
    const result = await createPoll(db, actor, zoneId, {
      question: values.question,
      options: values.options.split(/\r?\n/),
      // datetime-local carries no zone: read it as China time, as the back office shows times.
      closesAt: values.closesAt ? `${values.closesAt}:00+08:00` : null,
    });
    if (result.ok) return redirect(`/crm/zones/${zoneId}/polls?flash=created`);
    if (result.reason === "not-found") throw data(null, { status: 404 });
    return data({ errors: result.fieldErrors as Partial<Record<PollField, MessageKey>>, values }, { status: 400 });
  }
  if (intent === "close") {
    if (!(await zoneInScope(principal, zoneId, "modify"))) throw data(null, { status: 403 });
    const result = await closePoll(db, actor, zoneId, Number(form.get("pollId")));
    if (!result.ok) throw data(null, { status: 404 });
    return redirect(`/crm/zones/${zoneId}/polls?flash=closed`);
  }
  throw data(null, { status: 400 });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.poll.admin.title");

export default function ZonePollsAdminPage() {
  const { zone, polls, canAdd, canClose, flash } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, locale } = useI18n();
  const errors = actionData?.errors;
  return (
    <div className="space-y-6">
      <Link
        to={`/crm/zones/${zone.id}`}
        className="inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-900"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("knowledge.poll.admin.back")}
      </Link>
      <PageHeader
        eyebrow={zone.name}
        title={t("knowledge.poll.admin.title")}
        description={t("knowledge.poll.admin.description", { zone: zone.name })}
        icon={<BarChart3 className="size-6" aria-hidden />}
      />
      {flash ? (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-800"
        >
          <CheckCircle2 aria-hidden className="size-4" />
          {t(flash === "created" ? "knowledge.poll.admin.created" : "knowledge.poll.admin.closedOk")}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          {polls.length === 0 ? (
            <Card>
              <EmptyState
                icon={<BarChart3 className="size-5" aria-hidden />}
                title={t("knowledge.poll.admin.empty.title")}
                description={t("knowledge.poll.admin.empty.body")}
              />
            </Card>
          ) : (
            polls.map((poll) => (
              <Card key={poll.id}>
                <CardHeader
                  title={poll.question}
                  description={
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone={poll.open ? "green" : "slate"}>
                        {t(poll.open ? "knowledge.poll.open" : "knowledge.poll.closed")}
                      </Badge>
                      <span>
                        {t("knowledge.poll.admin.participation", {
                          votes: poll.totalVotes,
                          eligible: poll.eligibleVoters,
                        })}
                      </span>
                      {poll.closedAt ? (
                        <span>· {t("knowledge.poll.closedAt", { date: formatDay(poll.closedAt, locale) })}</span>
                      ) : poll.closesAt ? (
                        <span>· {t("knowledge.poll.closesAt", { date: formatDay(poll.closesAt, locale) })}</span>
                      ) : null}
                    </span>
                  }
                  action={
                    canClose && poll.closedAt === null ? (
                      <Form method="post">
                        <input type="hidden" name="pollId" value={poll.id} />
                        <Button type="submit" name="intent" value="close" variant="secondary" size="sm" disabled={busy}>
                          <Lock aria-hidden className="size-4" />
                          {t("knowledge.poll.admin.close")}
                        </Button>
                      </Form>
                    ) : null
                  }
                />
                <div className="grid gap-4 px-5 py-4 md:grid-cols-[1fr_14rem]">
                  <PollResultsChart options={poll.options} />
                  <ul className="space-y-1.5 text-sm">
                    {poll.options.map((o) => {
                      const percent = poll.totalVotes > 0 ? Math.round((o.votes / poll.totalVotes) * 100) : 0;
                      return (
                        <li key={o.id} className="flex justify-between gap-3">
                          <span className="min-w-0 truncate text-slate-700">{o.label}</span>
                          <span className="shrink-0 text-slate-500 tabular-nums">
                            {o.votes} · {percent}%
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              </Card>
            ))
          )}
        </div>

        <aside>
          {canAdd ? (
            <Card>
              <CardHeader title={t("knowledge.poll.admin.new")} icon={<Plus className="size-4" aria-hidden />} />
              <Form method="post" className="space-y-4 px-5 py-4" noValidate>
                <div>
                  <label htmlFor="poll-question" className="mb-1.5 block text-sm font-medium text-slate-800">
                    {t("knowledge.poll.admin.question")}
                  </label>
                  <input
                    id="poll-question"
                    name="question"
                    maxLength={300}
                    defaultValue={actionData?.values.question}
                    placeholder={t("knowledge.poll.admin.questionPlaceholder")}
                    aria-invalid={errors?.question ? true : undefined}
                    className={inputClass}
                  />
                  {errors?.question ? <p className="mt-1 text-sm text-red-600">{t(errors.question)}</p> : null}
                </div>
                <div>
                  <label htmlFor="poll-options" className="mb-1.5 block text-sm font-medium text-slate-800">
                    {t("knowledge.poll.admin.options")}
                  </label>
                  <textarea
                    id="poll-options"
                    name="options"
                    rows={5}
                    defaultValue={actionData?.values.options}
                    aria-describedby="poll-options-hint"
                    aria-invalid={errors?.options ? true : undefined}
                    className={inputClass}
                  />
                  <p id="poll-options-hint" className="mt-1 text-xs text-slate-500">
                    {t("knowledge.poll.admin.optionsHint")}
                  </p>
                  {errors?.options ? <p className="mt-1 text-sm text-red-600">{t(errors.options)}</p> : null}
                </div>
                <div>
                  <label htmlFor="poll-closes" className="mb-1.5 block text-sm font-medium text-slate-800">
                    {t("knowledge.poll.admin.closesAtLabel")}
                  </label>
                  <input
                    id="poll-closes"
                    name="closesAt"
                    type="datetime-local"
                    defaultValue={actionData?.values.closesAt}
                    aria-invalid={errors?.closesAt ? true : undefined}
                    className={inputClass}
                  />
                  {errors?.closesAt ? <p className="mt-1 text-sm text-red-600">{t(errors.closesAt)}</p> : null}
                </div>
                <Button type="submit" name="intent" value="create" disabled={busy}>
                  {t("knowledge.poll.admin.create")}
                </Button>
              </Form>
            </Card>
          ) : (
            <p className="text-sm text-slate-500">{t("knowledge.poll.admin.readOnly")}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
