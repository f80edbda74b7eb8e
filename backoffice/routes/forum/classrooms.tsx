import { GraduationCap, Inbox, Plus } from "lucide-react";
import {
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  classroomsForAdmin,
  ClassroomInputSchema,
  saveClassroom,
} from "#app/modules/forum/forum-classroom-admin.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ClassroomForm } from "#backoffice/components/forum/classroom-form.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/forum — the training classrooms: create, edit, order, set the visibility level, archive, and
// appoint staff administrators and member moderators.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "forum", action: "browse" });
  return { classrooms: await classroomsForAdmin(db) };
}

const SaveSchema = ClassroomInputSchema.extend({
  classroomId: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "forum", action: "modify" });
  const parsed = await parseForm(request, SaveSchema);
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm/forum" });
  const { classroomId, ...input } = parsed.value;
  const result = await saveClassroom(db, actor, classroomId ?? null, input, { ipAddress: clientIp(context) });
  return respond(result, { successTo: "/crm/forum", flash: "flash.saved" });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "forum.admin.title");

const EMPTY = {
  id: null,
  name: "",
  description: "",
  sortOrder: 0,
  visibility: "everyone" as const,
  archivedAt: null,
  admins: "",
  moderators: "",
};

export default function ForumClassroomsPage() {
  const { classrooms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("forum.admin.title")}
        description={t("forum.lead")}
        icon={<GraduationCap className="size-6" aria-hidden />}
        actions={
          <ButtonLink to="/crm/forum/queue" variant="secondary" icon={Inbox}>
            {t("forum.mod.queue")}
          </ButtonLink>
        }
      />
      <FailureNotice result={result?.status === "invalid" ? null : result} />
      {classrooms.map((room) => (
        <Card key={room.id} className="p-5">
          <div className="mb-4 flex flex-wrap items-center gap-2">
            <Link
              to={`/crm/forum/classrooms/${room.id}`}
              className="text-lg font-semibold text-blue-700 hover:underline"
            >
              {room.name}
            </Link>
            <Badge tone="blue">{t(`forum.visibility.${room.visibility}`)}</Badge>
            {room.archivedAt ? <Badge>{t("forum.admin.archived")}</Badge> : null}
            <span className="text-sm text-slate-500">{t("forum.threads", { count: room.threadCount })}</span>
          </div>
          <details>
            <summary className="cursor-pointer text-sm text-slate-600">{t("common.edit")}</summary>
            <div className="mt-4">
              <ClassroomForm room={room} errors={{}} />
            </div>
          </details>
        </Card>
      ))}
      <Card className="p-5">
        <h2 className="mb-4 flex items-center gap-2 font-semibold text-slate-900">
          <Plus aria-hidden className="size-4" />
          {t("forum.admin.newClassroom")}
        </h2>
        <ClassroomForm room={EMPTY} errors={errors} />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
