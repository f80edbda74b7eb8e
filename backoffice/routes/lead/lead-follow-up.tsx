import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { getLeadAccess, getLeadFollowUp } from "#app/modules/leads/record/lead-workspace.server.ts";
import { recordWidgetFlash } from "#app/modules/notes/record-widget-actions.server.ts";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import { leadPath, useLeadWorkspace } from "#backoffice/components/lead-detail/use-lead-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runRecordWidgetAction } from "#backoffice/components/record-widget-action.server.ts";

// 跟进: follow-up notes and tasks (the shared record widgets). Everyone who may open the lead reads
// them; whoever works it (owner, managers, assignees not beaten to the claim) writes.

const LEADS_BROWSE = { module: "leads", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, LEADS_BROWSE, params.leadId, async (database, actor, id) => {
    const followUp = await getLeadFollowUp(database, actor, id);
    return followUp && { notes: followUp.notes, tasks: followUp.tasks };
  });
}

export async function action(args: ActionFunctionArgs) {
  return runRecordWidgetAction(args, {
    policy: LEADS_BROWSE,
    idParam: "leadId",
    // The lead page's one rule set decides who may follow up, with the actor's scope in its query.
    access: async (database, actor, leadId) => {
      const access = await getLeadAccess(database, actor, leadId);
      return access && { target: { leadId }, canWrite: access.capabilities.canWork, defaultAssigneeId: actor.staffId };
    },
    tabPath: (id) => leadPath(id, "follow-up"),
    flash: (outcome) => (outcome === "noted" ? "flash.leads.noted" : recordWidgetFlash(outcome)),
  });
}

export default function LeadFollowUp() {
  const { notes, tasks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { capabilities, staff, viewerId, now } = useLeadWorkspace();
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <NotesCard
        className="lg:col-span-2"
        notes={notes}
        canWrite={capabilities.canWork}
        now={now}
        result={result}
        texts={{
          title: "leadWork.notes.title",
          label: "leadWork.notes.label",
          placeholder: "leadWork.notes.placeholder",
          submit: "leadWork.notes.submit",
          none: "leadWork.notes.none",
        }}
      />
      <TasksCard
        tasks={tasks}
        canWrite={capabilities.canWork}
        now={now}
        assignable={staff}
        defaultAssigneeId={viewerId}
        result={result}
        texts={{ title: "leadWork.tasks.title", none: "common.noTasks" }}
      />
    </div>
  );
}
