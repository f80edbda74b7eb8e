import { History } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getMemberAuditTrail } from "#app/modules/members/member-workspace.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { AuditTrail } from "#backoffice/components/members/audit-trail.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The member page's 操作记录 tab: every change to the member, newest first.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(
    request,
    { module: "members", action: "browse" },
    params.memberId,
    async (database, actor, id) => {
      const trail = await getMemberAuditTrail(database, actor, id);
      return trail && { trail };
    },
  );
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
