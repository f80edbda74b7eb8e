import { Globe } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { MemberStatusBadge } from "#backoffice/components/member-admin-ui.tsx";
import { useContactWorkspace } from "#backoffice/components/contacts/use-contact-workspace.ts";

// The portal member linked to this contact (the link itself is made on the member's page). The
// contact comes from the layout's loader, which applied the scope; this loader only guards and says
// whether the viewer may open member pages.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "contacts", action: "browse" });
  return { canOpenMembers: can(actor, "members", "browse") };
}

export default function ContactMemberTab() {
  const { contact } = useContactWorkspace();
  const { canOpenMembers } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const member = contact.member;
  return (
    <SectionCard icon={Globe} title={t("contacts.tabs.member")}>
      {!member ? (
        <p className="text-sm text-slate-500">{t("contacts.member.none")}</p>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <div>
            <p className="font-medium text-slate-900">{member.nickname}</p>
            <p className="text-slate-500">{member.email}</p>
          </div>
          <div className="flex items-center gap-3">
            <MemberStatusBadge status={member.status} />
            {canOpenMembers ? (
              <Link to={`/crm/members/${member.id}`} className="font-medium text-blue-700 hover:underline">
                {t("contacts.member.open")}
              </Link>
            ) : null}
          </div>
        </div>
      )}
    </SectionCard>
  );
}
