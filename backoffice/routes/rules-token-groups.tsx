import { UsersRound } from "lucide-react";
import {
  data,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/distribution/rules-access.server.ts";
import { tokenGroupList } from "#app/modules/leads/distribution/rules-list-query.ts";
import { listTokenGroupPage } from "#app/modules/leads/distribution/rules-lists.server.ts";
import { createTokenGroup } from "#app/modules/leads/distribution/token-groups.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { RULES_PATHS } from "#backoffice/components/rules-ui.tsx";
import { NewTokenGroupCard } from "#backoffice/components/rules/new-token-group-card.tsx";
import { tokenGroupColumns } from "#backoffice/components/rules/rules-columns.tsx";
import { RulesListPage, yesNoOptions } from "#backoffice/components/rules/rules-list-page.tsx";
import { orNotFound, readRulesCreate } from "#backoffice/components/rules/rules-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 网站线索持有人: the token groups, who is next in each, and a form for a new one.

const PATH = RULES_PATHS.groups;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const query = tokenGroupList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listTokenGroupPage(db, query),
    loadListViews(db, actor, tokenGroupList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, form, audit } = await readRulesCreate(args);
  const result = orNotFound(await createTokenGroup(db, actor, form, audit));
  if (result.ok) return redirectWithFlash(`${PATH}/${result.groupId}`, "flash.rules.groupCreated");
  const name = typeof form.name === "string" ? form.name : "";
  return data({ fieldErrors: { name: result.fieldErrors.name }, name }, { status: 400 });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "rules.groups.title");

export default function TokenGroupsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <RulesListPage
      path={PATH}
      kit={tokenGroupList}
      list={d}
      texts="groups"
      icon={UsersRound}
      selects={[
        {
          name: "used",
          label: t("rules.filter.used"),
          value: d.query.used,
          options: yesNoOptions(t("rules.filter.usedYes"), t("rules.filter.usedNo")),
        },
      ]}
      table={{ columns: tokenGroupColumns, rowKey: (g) => g.id }}
    >
      <NewTokenGroupCard result={result ?? null} />
    </RulesListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PATH} backLabel="rules.groups.back" texts="rules.error" />;
}
