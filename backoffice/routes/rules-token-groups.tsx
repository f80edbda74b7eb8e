import {
  data,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/distribution/rules-access.server.ts";
import { tokenGroupList } from "#app/modules/leads/distribution/rules-list-query.ts";
import { listTokenGroupPage } from "#app/modules/leads/distribution/rules-lists.server.ts";
import { createTokenGroup } from "#app/modules/leads/distribution/token-groups.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { RulesTabs } from "#backoffice/components/rules-ui.tsx";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { NewTokenGroupCard } from "#backoffice/components/rules/new-token-group-card.tsx";
import { tokenGroupsScreen } from "#backoffice/components/rules/rules-screens.ts";
import { orNotFound, readRulesCreate } from "#backoffice/components/rules/rules-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 网站线索持有人: the token groups, who is next in each, and a form for a new one.

const PATH = tokenGroupsScreen.path;

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

export const meta = titleMeta(tokenGroupsScreen.title);

export default function TokenGroupsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <ScreenListPage screen={tokenGroupsScreen} list={d} belowHeading={<RulesTabs />}>
      <NewTokenGroupCard result={result ?? null} />
    </ScreenListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PATH} backLabel="rules.groups.back" texts="rules.error" />;
}
