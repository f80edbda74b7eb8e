import { Send } from "lucide-react";
import { useState } from "react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { classroomForViewer } from "#app/modules/forum/forum-classrooms.server.ts";
import { TITLE_MAX } from "#app/modules/forum/forum-input.ts";
import { readUploadForm } from "#app/modules/files/attachments.server.ts";
import { openingPostId, withPostFiles } from "#app/modules/forum/forum-attachments.server.ts";
import { createThread } from "#app/modules/forum/forum-threads.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PostAttachmentsInput } from "#app/ui/forum/post-attachments.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { RichTextField } from "#app/ui/rich-text-field.tsx";
import { SimilarQuestions } from "#portal/components/forum/similar-questions.tsx";

// 提问: a signed-in member asks in a classroom they may open; similar questions show while typing.

async function load(request: Request, classroomIdParam: string | undefined) {
  await requireMember(request);
  const classroomId = requireIdParam(classroomIdParam);
  const viewer = await portalForumViewer(request);
  const classroom = await classroomForViewer(db, viewer, classroomId);
  if (!classroom || classroom.archivedAt || viewer.kind === "visitor") throw data(null, { status: 404 });
  return { viewer, classroom };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { classroom } = await load(request, params.classroomId);
  return { classroom: { id: classroom.id, name: classroom.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, classroom } = await load(request, params.classroomId);
  const form = await readUploadForm(request);
  const value = (name: string) => String(form.get(name) ?? "");
  const result = await withPostFiles(
    db,
    viewer,
    form,
    () => createThread(db, viewer, classroom.id, { title: value("title"), body: value("body"), tags: value("tags") }),
    ({ threadId }) => openingPostId(db, threadId),
  );
  return respond(result, {
    successTo: ({ threadId }) => `/forum/t/${threadId}`,
    flash: ({ held }) => (held ? "flash.info.forumMod.held" : "flash.created"),
  });
}

export const meta = titleMeta("forum.new.title");

export default function NewThreadPage() {
  const { classroom } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);
  const { t } = useI18n();
  const [title, setTitle] = useState("");
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 lg:px-8">
      <BackLink to={`/forum/${classroom.id}`}>{classroom.name}</BackLink>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{t("forum.new.title")}</h1>
      <FailureNotice result={result?.status === "invalid" ? null : result} />
      <Card className="mt-6 p-5 sm:p-6">
        <Form method="post" encType="multipart/form-data" className="space-y-5" noValidate>
          <TextField
            name="title"
            label={t("forum.new.titleLabel")}
            hint={t("forum.new.titleHint")}
            required
            maxLength={TITLE_MAX}
            errors={errors.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <SimilarQuestions title={title} />
          <RichTextField name="body" label={t("forum.new.body")} errors={errors.body} minRows={8} />
          <TextField
            name="tags"
            label={t("forum.new.tags")}
            hint={t("forum.new.tagsHint")}
            maxLength={200}
            errors={errors.tags}
          />
          <PostAttachmentsInput id="thread-attachments" errors={errors.attachments} />
          <div className="flex justify-end border-t border-slate-100 pt-5">
            <SubmitButton icon={Send}>{t("forum.new.submit")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
