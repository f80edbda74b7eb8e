import { History } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isMessageKeyLike } from "#backoffice/components/contacts/contact-history.ts";
import { contactWorkAccess, getContactActivity } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { forumActivityOfContact } from "#app/modules/forum/forum-contact-timeline.server.ts";
import { forumTimelineItems, newestFirst } from "#app/ui/forum/forum-timeline.tsx";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import { Timeline } from "#app/ui/records/timeline.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { contactPath } from "#backoffice/components/contacts/contact-columns.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runRecordWidgetAction } from "#backoffice/components/record-widget-action.server.ts";

// 活动: notes, tasks and the change history of the contact. Notes and tasks use the shared record
// widgets; whoever may modify the contact may add them.

const POLICY = { module: "contacts", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, POLICY, params.contactId, async (database, actor, id) => {
    const activity = await getContactActivity(database, actor, id);
    return activity && { ...activity, forum: await forumActivityOfContact(database, actor, id), now: Date.now() };
  });
}

export async function action(args: ActionFunctionArgs) {
  return runRecordWidgetAction(args, {
    policy: POLICY,
    idParam: "contactId",
    access: contactWorkAccess,
    tabPath: (id) => `${contactPath(id)}/activity`,
  });
}

export default function ContactActivityTab() {
  const { notes, tasks, history, forum, canWrite, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const someone = t("records.someone");
  const fieldLabel = (f: string) => {
    const key = `contacts.field.${f === "companyId" ? "company" : f === "reportsToId" ? "reportsTo" : f}`;
    return isMessageKeyLike(key) ? t(key) : f;
  };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        <NotesCard notes={notes} canWrite={canWrite} now={now} result={result} />
        <TasksCard tasks={tasks} canWrite={canWrite} now={now} result={result} />
      </div>
      <SectionCard icon={History} title={t("contacts.activity.history")}>
        <Timeline
          className="px-0 py-0"
          now={now}
          label={t("contacts.activity.history")}
          items={newestFirst([
            ...forumTimelineItems(forum, t),
            ...history.map((h) => ({
              id: h.id,
              at: h.at,
              tone: h.action === "contact.created" ? ("green" as const) : ("blue" as const),
              title:
                h.action === "contact.created"
                  ? t("contacts.activity.created", { by: h.actorName ?? someone })
                  : h.action === "contact.updated"
                    ? t("contacts.activity.updated", {
                        by: h.actorName ?? someone,
                        fields: h.fields.map(fieldLabel).join("、"),
                      })
                    : t("contacts.activity.other", { by: h.actorName ?? someone, action: h.action }),
            })),
          ])}
        />
      </SectionCard>
    </div>
  );
}
