import { Settings2, UsersRound } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { canManageMemberSettings } from "#app/modules/members/member-admin.server.ts";
import { listMembers } from "#app/modules/members/member-directory.server.ts";
import { memberList } from "#app/modules/members/member-list-query.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { MemberStatusBadge } from "#backoffice/components/member-admin-ui.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { memberColumns, MEMBERS_PATH as PATH } from "#backoffice/components/members/member-columns.tsx";

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "browse" });
  const query = memberList.parse(new URL(request.url).searchParams);
  const [result, views] = await Promise.all([
    listMembers(db, query),
    loadListViews(db, actor, memberList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...result, query, views, canSettings: canManageMemberSettings(actor) };
}

export const meta = titleMeta("memberAdmin.list.title");

export default function MembersListPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { query } = page;
  const links = listLinks(memberList, PATH, query);
  const yesNo = (yes: Parameters<typeof t>[0], no: Parameters<typeof t>[0]) => [
    { value: "yes", label: t(yes) },
    { value: "no", label: t(no) },
  ];

  return (
    <ListPage
      links={links}
      header={
        <ModulePageHeader
          module="members"
          title={t("memberAdmin.list.title")}
          description={t("memberAdmin.list.description")}
          actions={
            page.canSettings ? (
              <ButtonLink to={`${PATH}/settings`} variant="secondary">
                <Settings2 className="size-4" aria-hidden />
                {t("memberAdmin.list.settings")}
              </ButtonLink>
            ) : null
          }
        />
      }
      views={page.views}
      total={page.total}
      search={{
        id: "members-q",
        label: t("memberAdmin.list.search.label"),
        placeholder: t("memberAdmin.list.search.placeholder"),
      }}
      filterFields={
        <>
          <FilterSelect
            name="status"
            label={t("memberAdmin.list.filter.status")}
            value={query.status}
            options={Object.values(MemberStatus).map((s) => ({ value: s, label: t(`memberAdmin.status.${s}`) }))}
          />
          <FilterSelect
            name="level"
            label={t("memberAdmin.list.filter.level")}
            value={query.level}
            options={Object.values(MemberLevel).map((l) => ({ value: l, label: t(`memberAdmin.level.${l}`) }))}
          />
          <FilterSelect
            name="verified"
            label={t("memberAdmin.list.filter.verified")}
            value={query.verified}
            options={yesNo("memberAdmin.list.filter.verifiedYes", "memberAdmin.list.filter.verifiedNo")}
          />
          <FilterSelect
            name="linked"
            label={t("memberAdmin.list.filter.linked")}
            value={query.linked}
            options={yesNo("memberAdmin.list.filter.linkedYes", "memberAdmin.list.filter.linkedNo")}
          />
        </>
      }
      table={{
        columns: memberColumns,
        rows: page.items,
        rowKey: (m) => m.id,
        cardAside: (m) => <MemberStatusBadge status={m.status} />,
        label: t("memberAdmin.list.cardTitle"),
      }}
      empty={{
        // A filter that matches nothing while members exist is "no results", not "none yet".
        filtered: links.empty.filtered && page.anyMembers,
        icon: <UsersRound className="size-5" aria-hidden />,
        title: t("memberAdmin.list.empty.title"),
        description: t("memberAdmin.list.empty.body"),
        filteredTitle: t("memberAdmin.list.noResults.title"),
        filteredDescription: t("memberAdmin.list.noResults.body"),
      }}
      pages={{ page: page.page, pageCount: page.pageCount }}
    />
  );
}
