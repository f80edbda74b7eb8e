import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { fail, notFound, respond } from "#app/lib/service-result.ts";
import { campaignResult } from "#app/modules/campaigns/campaign-result.server.ts";
import { getCampaignActivity, getCampaignCapabilities } from "#app/modules/campaigns/campaign-workspace.server.ts";
import { addCampaignTask, setCampaignTaskDone } from "#app/modules/campaigns/campaigns.server.ts";
import { recordWidgetFlash, runRecordWidgetIntent } from "#app/modules/notes/record-widget-actions.server.ts";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import { useCampaignWorkspace } from "#backoffice/components/campaigns/use-campaign-workspace.ts";
import { CampaignTab } from "#backoffice/components/campaigns/campaign-tab.tsx";
import {
  runCampaignIntent,
  type CampaignIntentArgs,
} from "#backoffice/components/campaigns/campaign-tab-action.server.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The campaign page's 任务与便笺 tab: work tasks handed to the owner and participants (each is
// notified), and notes anyone who sees the campaign may add.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, "signedIn", params.campaignId, async (database, actor, id) => {
    const activity = await getCampaignActivity(database, actor, id);
    return activity && { ...activity, now: Date.now() };
  });
}

const TaskDoneSchema = z.object({ taskId: IdParam, done: z.enum(["0", "1"]).optional() });

const successTo = (campaignId: number) => `/crm/campaigns/${campaignId}/activity`;

async function note({ actor, campaignId, formData }: CampaignIntentArgs) {
  const capabilities = await getCampaignCapabilities(db, actor, campaignId);
  if (!capabilities) return fail(notFound());
  const target = { campaignId };
  const result = await runRecordWidgetIntent(db, actor, "note", formData, { target, canWrite: capabilities.canNote });
  return respond(result, { successTo: successTo(campaignId), flash: recordWidgetFlash });
}

async function task({ actor, campaignId, formData }: CampaignIntentArgs) {
  const mutation = await addCampaignTask(db, actor, campaignId, Object.fromEntries(formData));
  return respond(campaignResult(mutation, "task", formData), {
    successTo: successTo(campaignId),
    flash: "flash.records.taskAdded",
  });
}

async function taskDone({ actor, campaignId, formData }: CampaignIntentArgs) {
  const parsed = await parseForm(formData, TaskDoneSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const done = parsed.value.done !== "0";
  const mutation = await setCampaignTaskDone(db, actor, campaignId, parsed.value.taskId, done);
  return respond(campaignResult(mutation, "task-done", formData), {
    successTo: successTo(campaignId),
    flash: done ? "flash.records.taskDone" : "flash.records.taskReopened",
  });
}

/** 任务类型 of a campaign task: whoever may assign the campaign's tasks. */
async function taskKind({ actor, campaignId, formData }: CampaignIntentArgs) {
  const capabilities = await getCampaignCapabilities(db, actor, campaignId);
  if (!capabilities) return fail(notFound());
  const target = { campaignId };
  const result = await runRecordWidgetIntent(db, actor, "task-kind", formData, {
    target,
    canWrite: capabilities.canModify,
  });
  return respond(result, { successTo: successTo(campaignId), flash: recordWidgetFlash });
}

const INTENTS = { note, task, "task-done": taskDone, "task-kind": taskKind };

export async function action(args: ActionFunctionArgs) {
  return runCampaignIntent(args, INTENTS);
}

export default function CampaignActivityTab() {
  const { capabilities } = useCampaignWorkspace();
  const { notes, tasks, assignable, ownerId, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <CampaignTab result={result}>
      <div className="grid gap-6 lg:grid-cols-2">
        <TasksCard
          tasks={tasks}
          canWrite={capabilities.canModify}
          now={now}
          assignable={assignable}
          defaultAssigneeId={ownerId}
          allowReopen
          result={result}
        />
        <NotesCard notes={notes} canWrite={capabilities.canNote} now={now} result={result} />
      </div>
    </CampaignTab>
  );
}
