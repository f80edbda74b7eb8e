import { Bell, GraduationCap, Lock, MessagesSquare } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listClassrooms } from "#app/modules/forum/forum-classrooms.server.ts";
import { listMemberNotifications } from "#app/modules/forum/forum-notify.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { ForumSearchBox } from "#app/ui/forum/forum-search-results.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHero } from "#portal/components/page-hero.tsx";
import { SignInPrompt } from "#portal/components/forum/sign-in-prompt.tsx";

// 培训教室: the classrooms the reader may open (level rule in the query), each with its courseware
// and its Q&A forum.

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await portalForumViewer(request);
  const [classrooms, alerts] = await Promise.all([
    listClassrooms(db, viewer),
    viewer.kind === "member" ? listMemberNotifications(db, viewer.memberId, 20) : Promise.resolve([]),
  ]);
  return { classrooms, signedIn: viewer.kind === "member", alertCount: alerts.length };
}

export const meta = titleMeta("forum.title");

export default function ForumHome() {
  const { classrooms, signedIn, alertCount } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <PageHero icon={GraduationCap} eyebrow={t("forum.classrooms")} title={t("forum.title")} lead={t("forum.lead")}>
        {signedIn ? (
          <ButtonLink to="/forum/alerts" variant="secondary" icon={Bell}>
            {t("forum.notify.bell")}
            {alertCount > 0 ? <Badge tone="red">{alertCount}</Badge> : null}
          </ButtonLink>
        ) : (
          <SignInPrompt message="forum.signInToAsk" />
        )}
      </PageHero>
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        <ForumSearchBox />
        {classrooms.length === 0 ? (
          <EmptyState icon={<MessagesSquare className="size-6" />} title={t("forum.noClassrooms")} bordered />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {classrooms.map((room) => (
              <li key={room.id}>
                <Card className="h-full overflow-hidden p-5 transition hover:border-blue-300">
                  <Link to={`/forum/${room.id}`} className="block">
                    {room.coverFileId ? (
                      <img
                        src={`/forum/covers/${room.id}`}
                        alt=""
                        loading="lazy"
                        className="-mx-5 -mt-5 mb-4 aspect-[3/1] w-[calc(100%+2.5rem)] max-w-none object-cover"
                      />
                    ) : null}
                    <h2 className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                      {room.name}
                      {room.visibility !== "everyone" ? (
                        <Badge tone="amber">
                          <Lock aria-hidden className="size-3" />
                          {t(`forum.visibility.${room.visibility}`)}
                        </Badge>
                      ) : null}
                    </h2>
                    {room.description ? <p className="mt-1.5 text-sm text-slate-600">{room.description}</p> : null}
                    <p className="mt-3 text-xs text-slate-500">
                      {t("forum.threads", { count: room.threadCount })}
                      {room.lastActivityAt ? ` · ${formatCompactDate(room.lastActivityAt, locale)}` : null}
                    </p>
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
