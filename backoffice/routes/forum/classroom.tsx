import { BookOpen, ImageIcon, MessagesSquare } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { isThreadSort, TAG_MAX } from "#app/modules/forum/forum-input.ts";
import { listThreads } from "#app/modules/forum/forum-threads.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { ThreadList } from "#app/ui/forum/thread-list.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/forum/classrooms/:id — every thread of a classroom as staff see it (hidden ones marked).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "forum", action: "browse" });
  const classroomId = requireIdParam(params.classroomId);
  const url = new URL(request.url);
  const sort = url.searchParams.get("sort");
  const list = await listThreads(db, { kind: "staff", staffId: actor.staffId }, classroomId, {
    sort: isThreadSort(sort) ? sort : "activity",
    tag: (url.searchParams.get("tag") ?? "").slice(0, TAG_MAX) || null,
    cursor: url.searchParams.get("cursor"),
  });
  if (!list) throw data(null, { status: 404 });
  return list;
}

export const meta = ({ data: loaded }: MetaArgs<typeof loader>) => [{ title: loaded?.classroom.name ?? "" }];

export default function StaffClassroomPage() {
  const { classroom, pinned, threads, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const rows = [...pinned, ...threads];
  const base = `/crm/forum/classrooms/${classroom.id}`;
  return (
    <div className="space-y-6">
      <BackLink to="/crm/forum">{t("forum.admin.title")}</BackLink>
      <PageHeader
        title={classroom.name}
        description={classroom.description}
        icon={<MessagesSquare className="size-6" aria-hidden />}
        actions={
          // The classroom's courseware editor (issue #17 item 2) and its cover (decision 043).
          <>
            <ButtonLink to={`/crm/courseware/${classroom.id}`} variant="secondary" icon={BookOpen}>
              {t("courseware.admin.open")}
            </ButtonLink>
            <ButtonLink to={`${base}/cover`} variant="secondary" icon={ImageIcon}>
              {t("forumSearch.cover")}
            </ButtonLink>
          </>
        }
      />
      {rows.length === 0 ? (
        <EmptyCard icon={MessagesSquare} title={t("forum.noThreads")} />
      ) : (
        <Card>
          <ThreadList
            threads={rows}
            classroomHref={base}
            threadHref={(id) => `/crm/forum/threads/${id}`}
            hiddenLabel="forum.badge.hiddenStaff"
          />
          <KeysetPager firstTo={null} prevTo={null} nextTo={nextCursor ? `${base}?cursor=${nextCursor}` : null} />
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/forum" backLabel="forum.admin.title" />;
}
