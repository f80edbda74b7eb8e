import { Store, Users } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getCompanyPeople } from "#app/modules/crm/companies/company-tabs.server.ts";
import { membershipStatusKey } from "#app/ui/service/labels.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { NoAccess, TabTable } from "#backoffice/components/companies/company-tab-ui.tsx";
import { MemberLevelBadge, MemberStatusBadge } from "#backoffice/components/member-admin-ui.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 用户专区 tab: the customer zone with its service reps and members (for staff
// who serve the company), and the portal members linked to the company (members module).

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "companies", action: "browse" }, params.companyId, getCompanyPeople);
}

export default function CompanyZoneTab() {
  const { zone, members } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      {zone === undefined ? (
        <NoAccess />
      ) : zone === null ? (
        <SectionCard title={t("companies.tabs.zone")} icon={Store} labelled>
          <p className="text-sm text-slate-500">{t("companies.zone.none")}</p>
        </SectionCard>
      ) : (
        <SectionCard
          title={zone.name}
          icon={Store}
          labelled
          action={
            <Link to={`/crm/zones/${zone.id}`} className="text-sm font-medium text-blue-700 hover:underline">
              {t("companies.zone.open")}
            </Link>
          }
        >
          <p className="text-sm text-slate-600">
            <span className="text-slate-500">{t("companies.zone.managers")}：</span>
            {zone.managers.map((m) => m.staff.name).join("、") || "—"}
          </p>
          <h3 className="mt-4 text-xs font-medium text-slate-500">{t("companies.zone.members")}</h3>
          {zone.memberships.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">{t("companies.zone.noMembers")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {zone.memberships.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link to={`/crm/members/${m.member.id}`} className="text-blue-700 hover:underline">
                      {m.member.nickname}
                    </Link>
                    <span className="ml-2 text-xs text-slate-500">{m.member.email}</span>
                    {m.isCustomerAdmin ? (
                      <span className="ml-2 text-xs text-amber-700">{t("companies.zone.customerAdmin")}</span>
                    ) : null}
                  </span>
                  <span className="text-xs text-slate-600">{t(membershipStatusKey(m.status))}</span>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
      )}
      <TabTable
        title={t("companies.members.title")}
        rows={members}
        rowKey={(m) => m.id}
        empty="companies.members.none"
        action={<Users className="size-4 text-slate-400" aria-hidden />}
        columns={[
          linkColumn<NonNullable<typeof members>[number]>("member", t("companies.members.title"), (m) => ({
            to: `/crm/members/${m.id}`,
            label: m.nickname,
            sub: m.email,
          })),
          { key: "name", header: t("companies.contacts.name"), cell: (m) => m.realName ?? "—" },
          { key: "level", header: t("companies.members.level"), cell: (m) => <MemberLevelBadge level={m.level} /> },
          { key: "status", header: t("common.status"), cell: (m) => <MemberStatusBadge status={m.status} /> },
        ]}
      />
    </>
  );
}
