import { Bell, BellOff, BookOpen, MessagesSquare, PenSquare } from "lucide-react";
import {
  data,
  Link,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isThreadSort, TAG_MAX, THREAD_SORTS, type ThreadSort } from "#app/modules/forum/forum-input.ts";
import { listThreads } from "#app/modules/forum/forum-threads.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";
import { classroomWatchAction, isWatchingClassroom } from "#app/modules/forum/notify/watches.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { IntentButton } from "#app/ui/form/intent-button.tsx";
import { ThreadList } from "#app/ui/forum/thread-list.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SignInPrompt } from "#portal/components/forum/sign-in-prompt.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// One classroom: its questions in four orders (latest activity, newest, unanswered, essence) with
// keyset paging. A classroom the reader may not open is a 404, like one that does not exist.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const classroomId = requireIdParam(params.classroomId);
  const url = new URL(request.url);
  const sortParam = url.searchParams.get("sort");
  const sort: ThreadSort = isThreadSort(sortParam) ? sortParam : "activity";
  const tag = (url.searchParams.get("tag") ?? "").trim().slice(0, TAG_MAX) || null;
  const viewer = await portalForumViewer(request);
  const list = await listThreads(db, viewer, classroomId, { sort, tag, cursor: url.searchParams.get("cursor") });
  if (!list) throw data(null, { status: 404 });
  const { moderator: _moderator, ...classroom } = list.classroom;
  const watching = await isWatchingClassroom(db, viewer, classroomId);
  return {
    ...list,
    classroom,
    sort,
    tag,
    cursor: url.searchParams.get("cursor"),
    signedIn: viewer.kind === "member",
    watching,
  };
}

/** 关注教室 (decision 042): the only form on this page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const classroomId = requireIdParam(params.classroomId);
  return classroomWatchAction(db, await portalForumViewer(request), classroomId, await request.formData());
}

export const meta = ({ data: loaded }: MetaArgs<typeof loader>) => [{ title: loaded?.classroom.name ?? "" }];

function href(classroomId: number, params: { sort: ThreadSort; tag?: string | null; cursor?: string | null }) {
  const search = new URLSearchParams();
  if (params.sort !== "activity") search.set("sort", params.sort);
  if (params.tag) search.set("tag", params.tag);
  if (params.cursor) search.set("cursor", params.cursor);
  const s = search.toString();
  return `/forum/${classroomId}${s ? `?${s}` : ""}`;
}

export default function ClassroomPage() {
  const { classroom, pinned, threads, nextCursor, sort, tag, cursor, signedIn, watching } =
    useLoaderData<typeof loader>();
  const { t } = useI18n();
  const rows = [...pinned, ...threads];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 lg:px-8">
      <BackLink to="/forum">{t("forum.allClassrooms")}</BackLink>
      <header className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{classroom.name}</h1>
          {classroom.description ? <p className="mt-1.5 text-slate-600">{classroom.description}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={`/classroom/${classroom.id}/course`} variant="secondary" icon={BookOpen}>
            {t("forum.courseware")}
          </ButtonLink>
          {signedIn ? (
            <IntentButton intent="watchClassroom" variant="secondary" icon={watching ? BellOff : Bell}>
              {t(watching ? "forumNotify.unwatchClassroom" : "forumNotify.watchClassroom")}
            </IntentButton>
          ) : null}
          {signedIn ? (
            <ButtonLink to={`/forum/${classroom.id}/new`} icon={PenSquare}>
              {t("forum.ask")}
            </ButtonLink>
          ) : null}
        </div>
      </header>
      {signedIn ? null : (
        <div className="mt-4">
          <SignInPrompt message="forum.signInToAsk" />
        </div>
      )}
      <nav aria-label={t("forum.classroom")} className="mt-6 flex flex-wrap gap-1 border-b border-slate-200">
        {THREAD_SORTS.map((s) => (
          <Link
            key={s}
            to={href(classroom.id, { sort: s, tag })}
            aria-current={s === sort ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm",
              s === sort ? "border-blue-600 font-medium text-blue-700" : "border-transparent text-slate-600",
            )}
          >
            {t(`forum.sort.${s}`)}
          </Link>
        ))}
      </nav>
      <Card className="mt-4">
        {rows.length === 0 ? (
          <EmptyState icon={<MessagesSquare className="size-6" />} title={t("forum.noThreads")} />
        ) : (
          <ThreadList threads={rows} classroomHref={`/forum/${classroom.id}`} threadHref={(id) => `/forum/t/${id}`} />
        )}
        <KeysetPager
          firstTo={cursor ? href(classroom.id, { sort, tag }) : null}
          prevTo={null}
          nextTo={nextCursor ? href(classroom.id, { sort, tag, cursor: nextCursor }) : null}
          nextLabel={t("forum.more")}
        />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/forum" backLabel="forum.allClassrooms" />;
}
