import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import {
  listOpportunityWork,
  opportunityWorkAccess,
} from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import {
  loadOpportunityTab,
  OPPORTUNITY_POLICY,
  opportunityPath,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { runRecordWidgetAction } from "#backoffice/components/record-widget-action.server.ts";

// The opportunity's 任务与备注 tab: the shared notes and tasks widgets (whoever may change the
// opportunity writes; tasks go to its owner unless the form names someone).

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id) => ({
    ...(await listOpportunityWork(database, id)),
    now: Date.now(),
  }));
}

export async function action(args: ActionFunctionArgs) {
  return runRecordWidgetAction(args, {
    policy: OPPORTUNITY_POLICY,
    idParam: "opportunityId",
    access: opportunityWorkAccess,
    tabPath: (id) => opportunityPath(id, "work"),
  });
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
