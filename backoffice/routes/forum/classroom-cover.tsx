import { ImageUp, Trash2 } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { filesFromFormData, readUploadForm } from "#app/modules/files/attachments.server.ts";
import { classroomForViewer } from "#app/modules/forum/forum-classrooms.server.ts";
import { setClassroomCover } from "#app/modules/forum/forum-covers.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// /crm/forum/classrooms/:id/cover — the classroom's cover image (decision 043). Reading needs
// forum:browse; changing it is checked by the service (forum:modify for all, or a classroom admin).

const POLICY = { module: "forum", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, POLICY, params.classroomId, async (database, actor, id) => {
    const classroom = await classroomForViewer(database, { kind: "staff", staffId: actor.staffId }, id);
    return (
      classroom && { classroom: { id: classroom.id, name: classroom.name, hasCover: classroom.coverFileId !== null } }
    );
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const classroomId = requireIdParam(params.classroomId);
  const form = await readUploadForm(request);
  const intent = formIntent(form);
  if (intent !== "upload" && intent !== "remove") return fail(invalid({}, ["validation.invalid"]));
  const file = intent === "upload" ? (filesFromFormData(form, "cover")[0] ?? null) : null;
  if (intent === "upload" && !file) return fail(invalid({ cover: ["forumSearch.error.cover"] }));
  const result = await setClassroomCover(db, actor, classroomId, file);
  return respond(result, { successTo: `/crm/forum/classrooms/${classroomId}/cover`, flash: "flash.saved" });
}

export const meta = titleMeta("forumSearch.cover");

export default function ClassroomCoverPage() {
  const { classroom } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={`/crm/forum/classrooms/${classroom.id}`}>{classroom.name}</BackLink>
      <PageHeader title={t("forumSearch.cover")} description={classroom.name} />
      <FailureNotice result={result?.status === "invalid" ? null : result} />
      <Card className="space-y-5 p-5">
        {classroom.hasCover ? (
          <img
            src={`/forum/covers/${classroom.id}`}
            alt={t("forumSearch.cover")}
            className="max-h-60 rounded-md border border-slate-200"
          />
        ) : null}
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="upload" />
          <label htmlFor="cover" className="block text-sm font-medium text-slate-700">
            {t("forumSearch.cover")}
          </label>
          <input
            id="cover"
            name="cover"
            type="file"
            accept=".png,.jpg,.jpeg,.gif,.webp"
            aria-describedby="cover-hint"
            className="block w-full text-sm text-slate-600"
          />
          <p id="cover-hint" className="text-xs text-slate-500">
            {t("forumSearch.coverHint")}
          </p>
          {errors.cover ? <p className="text-xs text-red-600">{errors.cover.map((key) => t(key)).join(" ")}</p> : null}
          <SubmitButton icon={ImageUp}>{t("common.save")}</SubmitButton>
        </Form>
        {classroom.hasCover ? (
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <Button type="submit" variant="secondary" size="sm">
              <Trash2 aria-hidden className="size-4" />
              {t("forumSearch.coverRemove")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/forum" backLabel="forum.admin.title" />;
}
