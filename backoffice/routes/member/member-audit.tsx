import { History } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { getMemberAuditTrail } from "#app/modules/members/member-workspace.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { AuditTrail } from "#backoffice/components/members/audit-trail.tsx";

// The member page's 操作记录 tab: every change to the member, newest first.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "browse" });
  const trail = await getMemberAuditTrail(db, actor, requireIdParam(params.memberId));
  if (!trail) throw data(null, { status: 404 });
  return { trail };
}

export default function MemberAuditTab() {
  const { trail } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader
        icon={<History className="size-4" aria-hidden />}
        title={t("memberAdmin.audit.title")}
        description={t("memberAdmin.audit.description")}
      />
      {trail.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">{t("memberAdmin.audit.empty")}</p>
        </CardBody>
      ) : (
        <AuditTrail entries={trail} />
      )}
    </Card>
  );
}
