import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { getLeadAccess, getLeadFollowUp } from "#app/modules/leads/record/lead-workspace.server.ts";
import {
  isRecordWidgetIntent,
  recordWidgetFlash,
  runRecordWidgetIntent,
} from "#app/modules/notes/record-widget-actions.server.ts";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import { leadPath, useLeadWorkspace } from "#backoffice/components/lead-detail/use-lead-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// 跟进: follow-up notes and tasks (the shared record widgets). Everyone who may open the lead reads
// them; whoever works it (owner, managers, assignees not beaten to the claim) writes.

const LEADS_BROWSE = { module: "leads", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, LEADS_BROWSE, params.leadId, async (database, actor, id) => {
    const followUp = await getLeadFollowUp(database, actor, id);
    return followUp && { notes: followUp.notes, tasks: followUp.tasks };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_BROWSE);
  const leadId = requireIdParam(params.leadId);
  const form = await request.formData();
  const intent = formIntent(form);
  if (!isRecordWidgetIntent(intent)) return fail(invalid({}, ["validation.invalid"]));
  // The lead page's one rule set decides who may follow up, with the actor's scope in its query.
  const access = await getLeadAccess(db, actor, leadId);
  if (!access) throw data(null, { status: 404 });
  const result = await runRecordWidgetIntent(db, actor, intent, form, {
    target: { leadId },
    canWrite: access.capabilities.canWork,
    defaultAssigneeId: actor.staffId,
  });
  return respond(result, {
    successTo: leadPath(leadId, "follow-up"),
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
