import { EyeOff, MessagesSquare } from "lucide-react";
import { Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { handOverChoices, handToSalesForm, memberForumActivity } from "#app/modules/forum/forum-crm.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { fieldErrors, FailureNotice } from "#app/ui/form/index.ts";
import { HandToSalesForm } from "#backoffice/components/forum/crm-forms.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The member page's 论坛活动 tab: their latest questions and answers (hidden ones marked), and
// 转交销售 of the member as a whole.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(
    request,
    { module: "members", action: "browse" },
    params.memberId,
    async (database, actor, id) => {
      const exists = await database.member.count({ where: { id } });
      if (exists === 0) return null;
      const canHandOver = can(actor, "forum", "modify") && can(actor, "leads", "add");
      const [activity, choices] = await Promise.all([
        memberForumActivity(database, id),
        canHandOver ? handOverChoices(database, actor) : Promise.resolve(null),
      ]);
      return { memberId: id, activity, choices };
    },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "forum", action: "modify" });
  const memberId = requireIdParam(params.memberId);
  const formData = await request.formData();
  formData.delete("postId");
  formData.set("memberId", String(memberId));
  const result = await handToSalesForm(db, actor, formData);
  return respond(result, { successTo: `/crm/members/${memberId}/forum`, flash: "flash.sent" });
}

export default function MemberForumTab() {
  const { memberId, activity, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader icon={<MessagesSquare className="size-4" aria-hidden />} title={t("forum.crm.activity")} />
        {activity.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">{t("forum.crm.noActivity")}</p>
          </CardBody>
        ) : (
          <ul className="divide-y divide-slate-100">
            {activity.map((a) => (
              <li key={a.id} className="px-5 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    to={`/crm/forum/threads/${a.threadId}#post-${a.id}`}
                    className="font-medium text-blue-700 hover:underline"
                  >
                    {a.threadTitle}
                  </Link>
                  {a.isOpening ? <Badge tone="blue">{t("forum.ask")}</Badge> : <Badge>{t("forum.reply")}</Badge>}
                  {a.hidden ? (
                    <Badge tone="amber">
                      <EyeOff aria-hidden className="size-3" />
                      {t("forum.badge.hiddenStaff")}
                    </Badge>
                  ) : null}
                  <span className="text-xs text-slate-500">
                    {a.classroomName} · {formatCompactDate(a.createdAt, locale)}
                  </span>
                </div>
                <p className="mt-1 line-clamp-2 text-slate-600">{a.excerpt}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {choices ? (
        <Card>
          <CardHeader title={t("forum.crm.handToSales")} />
          <CardBody>
            <FailureNotice result={result?.status === "invalid" ? null : result} />
            <HandToSalesForm choices={choices} memberId={memberId} errors={fieldErrors(result)} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
