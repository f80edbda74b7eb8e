import { UsersRound } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import {
  addTokenGroupMember,
  deleteTokenGroup,
  getTokenGroup,
  listAddableStaff,
  moveTokenGroupMember,
  removeTokenGroupMember,
  renameTokenGroup,
  setTokenGroupMemberActive,
} from "#app/modules/leads/distribution/token-groups.server.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { errorText, Notice, RULES_PATHS, type UiError } from "#backoffice/components/rules-ui.tsx";
import { NextInTurn } from "#backoffice/components/rules/next-in-turn.tsx";
import { RulesDetailPage } from "#backoffice/components/rules/rules-detail-page.tsx";
import { orNotFound, rulesRecordPage, type RulesRequest } from "#backoffice/components/rules/rules-request.server.ts";
import { TokenGroupMembersCard } from "#backoffice/components/rules/token-group-members-card.tsx";
import { TokenGroupSide } from "#backoffice/components/rules/token-group-side.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 网站线索持有人 › one group: the rotation order, who is next, members in and out.

const rulesPage = rulesRecordPage("groupId");

export async function loader(args: LoaderFunctionArgs) {
  return rulesPage.load(args, async (database, id) => {
    const group = await getTokenGroup(database, id);
    return group && { group, addable: await listAddableStaff(database, id) };
  });
}

type ActionData =
  | { intent: "rename"; fieldErrors: { name?: UiError }; name: string }
  | { intent: "add"; fieldErrors: { staffId?: UiError } }
  | { intent: "delete"; formError: UiError };

const here = (id: number) => `${RULES_PATHS.groups}/${id}`;

async function rename({ actor, id, form, audit }: RulesRequest) {
  const result = orNotFound(await renameTokenGroup(db, actor, id, form, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.saved");
  const name = typeof form.name === "string" ? form.name : "";
  const fieldErrors = { name: result.fieldErrors.name };
  return data<ActionData>({ intent: "rename", fieldErrors, name }, { status: 400 });
}

async function remove({ actor, id, audit }: RulesRequest) {
  const result = orNotFound(await deleteTokenGroup(db, actor, id, audit));
  if (result.ok) return redirectWithFlash(RULES_PATHS.groups, "flash.rules.groupDeleted");
  const formError = result.formError ?? {
    key: "rules.groups.error.inUse",
    vars: { categories: "" },
  };
  return data<ActionData>({ intent: "delete", formError }, { status: 409 });
}

async function addMember({ actor, id, form, audit }: RulesRequest) {
  const staffId = IdParam.safeParse(form.staffId);
  if (!staffId.success) {
    const fieldErrors = { staffId: { key: "rules.groups.error.chooseStaff" } } as const;
    return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
  }
  const result = orNotFound(await addTokenGroupMember(db, actor, id, staffId.data, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.rules.memberAdded");
  const fieldErrors = { staffId: result.fieldErrors.staffId };
  return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
}

async function removeMember({ actor, id, rowId, audit }: RulesRequest) {
  orNotFound(await removeTokenGroupMember(db, actor, id, rowId("memberId"), audit));
  return redirectWithFlash(here(id), "flash.rules.memberRemoved");
}

async function setInRotation({ actor, id, rowId, audit }: RulesRequest, active: boolean) {
  orNotFound(await setTokenGroupMemberActive(db, actor, id, rowId("memberId"), active, audit));
  return redirectWithFlash(here(id), active ? "flash.rules.memberResumed" : "flash.rules.memberPaused");
}

async function move({ actor, id, rowId, audit }: RulesRequest, direction: "up" | "down") {
  orNotFound(await moveTokenGroupMember(db, actor, id, rowId("memberId"), direction, audit));
  return redirectWithFlash(here(id), "flash.rules.orderChanged");
}

export async function action(args: ActionFunctionArgs) {
  return rulesPage.dispatch(args, {
    rename,
    delete: remove,
    add: addMember,
    remove: removeMember,
    pause: (req) => setInRotation(req, false),
    resume: (req) => setInRotation(req, true),
    up: (req) => move(req, "up"),
    down: (req) => move(req, "down"),
  });
}

export const meta = recordMeta<typeof loader>("rules.groups.title", (d) => [
  "rules.group.pageTitle",
  { name: d.group.name },
]);

export default function TokenGroupPage() {
  const { group, addable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useI18n();
  const rename = result?.intent === "rename" ? result : null;
  const add = result?.intent === "add" ? result : null;
  const deleteError = result?.intent === "delete" ? result.formError : null;
  const eligibleCount = group.members.filter((m) => m.eligible).length;

  return (
    <RulesDetailPage
      back={{ to: RULES_PATHS.groups, label: t("rules.groups.back") }}
      icon={UsersRound}
      eyebrow={t("rules.groups.title")}
      title={group.name}
      description={t("rules.group.summary", { members: group.members.length, eligible: eligibleCount })}
      notices={
        <>
          {deleteError ? <Notice tone="error">{errorText(t, deleteError)}</Notice> : null}
          <NextInTurn next={group.next} />
        </>
      }
      main={<TokenGroupMembersCard members={group.members} addable={addable} addError={add?.fieldErrors.staffId} />}
      side={<TokenGroupSide group={group} rename={{ error: rename?.fieldErrors.name, name: rename?.name }} />}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={RULES_PATHS.groups} backLabel="rules.groups.back" texts="rules.error" />;
}
