import { ArrowLeft, BarChart3 } from "lucide-react";
import {
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import {
  fail,
  forbidden,
  invalid,
  isFailure,
  notFound,
  ok,
  respond,
  type ServiceResult,
} from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { closePoll, createPoll } from "#app/modules/zones/zone-polls.server.ts";
import { getZonePollsWorkspace, mayWorkOnZone } from "#app/modules/zones/zone-workspace.server.ts";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { FailureNotice } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { NewPollForm, PollAdminCard } from "#backoffice/components/zones/zone-poll-cards.tsx";

// /crm/zones/:zoneId/polls — 专区投票 of one zone: start a poll, close it, read the results.
// Seeing needs service:browse over this zone's customer; starting service:add, closing service:modify.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "service", action: "browse" }, params.zoneId, getZonePollsWorkspace);
}

type Context = { actor: StaffActor; zoneId: number; form: FormData; ip: string | null };

async function startPoll({ actor, zoneId, form, ip }: Context): Promise<ServiceResult<unknown>> {
  if (!(await mayWorkOnZone(db, actor, zoneId, "add"))) return forbidden();
  const text = (name: string) => String(form.get(name) ?? "");
  const values = { question: text("question"), options: text("options"), closesAt: text("closesAt") };
  const result = await createPoll(db, { staffId: actor.staffId, ipAddress: ip }, zoneId, {
    question: values.question,
    options: values.options.split(/\r?\n/),
    // datetime-local carries no zone: read it as China time, as the back office shows times.
    closesAt: values.closesAt ? `${values.closesAt}:00+08:00` : null,
  });
  if (result.ok) return ok();
  if (result.reason === "not-found") return notFound();
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, key]) => [field, [key]]));
  return invalid(fieldErrors, [], values);
}

async function endPoll({ actor, zoneId, form, ip }: Context): Promise<ServiceResult<unknown>> {
  if (!(await mayWorkOnZone(db, actor, zoneId, "modify"))) return forbidden();
  const result = await closePoll(db, { staffId: actor.staffId, ipAddress: ip }, zoneId, Number(form.get("pollId")));
  return result.ok ? ok() : notFound();
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const zoneId = requireIdParam(params.zoneId);
  const form = await request.formData();
  const intent = formIntent(form);
  const input = { actor, zoneId, form, ip: clientIp(context) };
  const successTo = `/crm/zones/${zoneId}/polls`;
  if (intent === "create") return respond(await startPoll(input), { successTo, flash: "flash.zones.pollCreated" });
  if (intent === "close") return respond(await endPoll(input), { successTo, flash: "flash.zones.pollClosed" });
  return fail(invalid({}, ["validation.invalid"]));
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.poll.admin.title");

export default function ZonePollsAdminPage() {
  const { zone, polls, capabilities } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  const invalidForm = isFailure(failure) && failure.status === "invalid" ? failure : null;
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
      {invalidForm ? null : <FailureNotice result={failure} />}
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
            polls.map((poll) => <PollAdminCard key={poll.id} poll={poll} canClose={capabilities.canClose} />)
          )}
        </div>
        <aside>
          {capabilities.canAdd ? (
            <NewPollForm errors={invalidForm?.fieldErrors} values={invalidForm?.values} />
          ) : (
            <p className="text-sm text-slate-500">{t("knowledge.poll.admin.readOnly")}</p>
          )}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/zones" backLabel="zones.bo.zone.back" texts="zones.bo" />;
}
