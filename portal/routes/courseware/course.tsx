import { GraduationCap } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getCourseOutline } from "#app/modules/courseware/course-reader.server.ts";
import { portalCourseViewer } from "#app/modules/courseware/course-viewer.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { CourseOutlineList } from "#portal/components/courseware/course-outline.tsx";
import { ExpandPrompt } from "#portal/components/courseware/expand-prompt.tsx";
import { StaffPreviewNote } from "#portal/components/courseware/staff-preview-note.tsx";
import { PageHero } from "#portal/components/page-hero.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// GET /classroom/:classroomId/course — a classroom's courseware outline. Everyone who may see the
// classroom sees chapter and lesson titles and summaries; members also see their 学过 ticks.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const classroomId = requireIdParam(params.classroomId);
  const viewer = await portalCourseViewer(request);
  const outline = await getCourseOutline(db, viewer, classroomId);
  if (!outline) throw data(null, { status: 404 });
  const url = new URL(request.url);
  return {
    ...outline,
    staffPreview: viewer.kind === "staff",
    signedIn: viewer.kind === "member",
    here: url.pathname,
  };
}

export const meta = ({ matches, data: loaded }: MetaArgs<typeof loader>) => {
  const base = pageTitle(matches, "courseware.title");
  if (!loaded) return base;
  const title = base[0] && "title" in base[0] ? String(base[0].title) : "";
  return [{ title: `${loaded.classroom.name} · ${title}` }];
};

export default function CoursePage() {
  const outline = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { classroom, chapters, canExpand } = outline;
  return (
    <>
      <PageHero
        icon={GraduationCap}
        eyebrow={t("courseware.portal.eyebrow")}
        title={classroom.name}
        lead={classroom.description ?? t("courseware.portal.lead")}
        width="max-w-5xl"
      >
        {outline.signedIn && outline.lessonCount > 0 ? (
          <Badge tone="green" className="mt-4">
            {t("courseware.portal.progress", { learned: outline.learnedCount, total: outline.lessonCount })}
          </Badge>
        ) : null}
      </PageHero>
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        {outline.staffPreview ? <StaffPreviewNote /> : null}
        {!canExpand && chapters.length > 0 ? (
          <ExpandPrompt redirectTo={outline.here} signedIn={outline.signedIn} />
        ) : null}
        {chapters.length === 0 ? (
          <EmptyCard icon={GraduationCap} title={t("courseware.portal.empty")} />
        ) : (
          <CourseOutlineList classroomId={classroom.id} chapters={chapters} canExpand={canExpand} />
        )}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/forum" backLabel="forum.back" />;
}
