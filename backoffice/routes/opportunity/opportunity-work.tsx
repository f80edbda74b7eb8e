import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  listOpportunityWork,
  opportunityWorkAccess,
} from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import {
  isRecordWidgetIntent,
  recordWidgetFlash,
  runRecordWidgetIntent,
} from "#app/modules/notes/record-widget-actions.server.ts";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import {
  loadOpportunityTab,
  OPPORTUNITY_POLICY,
  opportunityPath,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";

// The opportunity's 任务与备注 tab: the shared notes and tasks widgets (whoever may change the
// opportunity writes; tasks go to its owner unless the form names someone).

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id) => ({
    ...(await listOpportunityWork(database, id)),
    now: Date.now(),
  }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, OPPORTUNITY_POLICY);
  const id = requireIdParam(params.opportunityId);
  const form = await request.formData();
  const intent = formIntent(form);
  if (!isRecordWidgetIntent(intent)) throw data(null, { status: 400 });
  const access = await opportunityWorkAccess(db, actor, id);
  if (!access) throw data(null, { status: 404 });
  const result = await runRecordWidgetIntent(db, actor, intent, form, access);
  return respond(result, { successTo: opportunityPath(id, "work"), flash: recordWidgetFlash });
}

export default function OpportunityWorkTab() {
  const { notes, tasks, canModify, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <NotesCard notes={notes} canWrite={canModify} now={now} result={result} />
      <TasksCard tasks={tasks} canWrite={canModify} now={now} allowReopen result={result} />
    </div>
  );
}
