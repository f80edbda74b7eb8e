import { GraduationCap } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { listCourseClassrooms } from "#app/modules/courseware/course-editor.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/courseware — every classroom with the size of its courseware; each opens its outline editor.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "forum", action: "browse" });
  return { classrooms: await listCourseClassrooms(db) };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "courseware.admin.title");

export default function CoursewareClassroomsPage() {
  const { classrooms } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  type Row = (typeof classrooms)[number];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("courseware.admin.title")}
        description={t("courseware.admin.lead")}
        icon={<GraduationCap className="size-6" aria-hidden />}
      />
      {classrooms.length === 0 ? (
        <EmptyCard icon={GraduationCap} title={t("courseware.admin.noClassrooms")} />
      ) : (
        <Card className="py-2">
          <RecordTable<Row>
            caption={t("courseware.admin.title")}
            rows={classrooms}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "name",
                header: t("courseware.admin.classroom"),
                cell: (r) => (
                  <span className="flex flex-wrap items-center gap-2">
                    <Link to={`/crm/courseware/${r.id}`} className="font-medium text-blue-700 hover:underline">
                      {r.name}
                    </Link>
                    {r.archivedAt ? <Badge>{t("courseware.admin.archived")}</Badge> : null}
                  </span>
                ),
              },
              {
                key: "visibility",
                header: t("courseware.admin.visibility"),
                cell: (r) => t(`forum.visibility.${r.visibility}`),
              },
              { key: "chapters", header: t("courseware.admin.chapters"), numeric: true, cell: (r) => r.chapterCount },
              {
                key: "lessons",
                header: t("courseware.admin.lessons"),
                numeric: true,
                cell: (r) =>
                  t("courseware.admin.lessonsValue", { count: r.lessonCount, published: r.publishedLessonCount }),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm" backLabel="common.back" />;
}
