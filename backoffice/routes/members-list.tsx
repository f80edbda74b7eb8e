import { Settings2 } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { canManageMemberSettings } from "#app/modules/members/member-admin.server.ts";
import { listMembers } from "#app/modules/members/member-directory.server.ts";
import { memberList } from "#app/modules/members/member-list-query.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { MEMBERS_PATH as PATH, membersScreen } from "#backoffice/components/members/member-columns.tsx";

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

export const meta = titleMeta(membersScreen.title);

export default function MembersListPage() {
  const { items, total, page, pageCount, query, views, canSettings, anyMembers } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ScreenListPage
      screen={membersScreen}
      list={{ rows: items, total, page, pageCount, query, views }}
      actions={
        canSettings ? (
          <ButtonLink to={`${PATH}/settings`} variant="secondary">
            <Settings2 className="size-4" aria-hidden />
            {t("memberAdmin.list.settings")}
          </ButtonLink>
        ) : null
      }
      // A filter that matches nothing while members exist is "no results", not "none yet".
      emptyFiltered={anyMembers}
    />
  );
}
