import { data, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { fail, invalid, respond, type ServiceResult } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  addLeadNoteAs,
  addLeadTaskAs,
  completeLeadTaskAs,
  type Changed,
} from "#app/modules/leads/lead-work-actions.server.ts";
import { getLeadFollowUp } from "#app/modules/leads/lead-workspace.server.ts";
import { NotesCard, TasksCard } from "#backoffice/components/lead-detail/lead-follow-up-cards.tsx";
import { leadPath, useLeadWorkspace } from "#backoffice/components/lead-detail/use-lead-workspace.ts";

// 跟进: follow-up notes and tasks. Everyone who may open the lead reads them; whoever works it
// (owner, managers, assignees not beaten to the claim) writes.

const LEADS_BROWSE = { module: "leads", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_BROWSE);
  const followUp = await getLeadFollowUp(db, actor, requireIdParam(params.leadId));
  if (!followUp) throw data(null, { status: 404 });
  return { notes: followUp.notes, tasks: followUp.tasks };
}

function done(leadId: number, result: ServiceResult<Changed>, flash: FlashKey) {
  return respond(result, {
    successTo: leadPath(leadId, "follow-up"),
    flash: (value) => (value.changed ? flash : "flash.info.noChanges"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_BROWSE);
  const leadId = requireIdParam(params.leadId);
  const form = await request.formData();
  switch (formIntent(form)) {
    case "note":
      return done(leadId, await addLeadNoteAs(db, actor, leadId, form.get("body")), "flash.leads.noted");
    case "task": {
      const input = { title: form.get("title"), dueAt: form.get("dueAt"), assigneeId: form.get("assigneeId") };
      return done(leadId, await addLeadTaskAs(db, actor, leadId, input), "flash.leads.taskAdded");
    }
    case "task-done":
      return done(leadId, await completeLeadTaskAs(db, actor, leadId, form.get("taskId")), "flash.leads.taskDone");
    default:
      return fail(invalid({}, ["validation.invalid"]));
  }
}

export default function LeadFollowUp() {
  const { notes, tasks } = useLoaderData<typeof loader>();
  const { capabilities, staff, viewerId, now } = useLeadWorkspace();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <NotesCard notes={notes} canWrite={capabilities.canWork} now={now} />
      </div>
      <TasksCard tasks={tasks} canWrite={capabilities.canWork} assignable={staff} viewerId={viewerId} now={now} />
    </div>
  );
}
