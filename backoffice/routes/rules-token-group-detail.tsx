import { ArrowRight, UsersRound } from "lucide-react";
import {
  data,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/distribution/rules-access.server.ts";
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
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { TokenGroupMembersCard } from "#backoffice/components/rules/token-group-members-card.tsx";
import { TokenGroupSide } from "#backoffice/components/rules/token-group-side.tsx";
import { BackLink, errorText, Notice, RULES_PATHS, type UiError } from "#backoffice/components/rules-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 网站线索持有人 › one group: the rotation order, who is next, members in and out.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const id = requireIdParam(params.groupId);
  const group = await getTokenGroup(db, id);
  if (!group) throw data(null, { status: 404 });
  return { group, addable: await listAddableStaff(db, id) };
}

type ActionData =
  | { intent: "rename"; fieldErrors: { name?: UiError }; name: string }
  | { intent: "add"; fieldErrors: { staffId?: UiError } }
  | { intent: "delete"; formError: UiError };

interface GroupRequest {
  actor: StaffActor;
  id: number;
  form: Record<string, FormDataEntryValue>;
  audit: { ipAddress: string };
}

function orNotFound<T extends object>(result: RulesResult<T>): RulesResult<T> {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
  return result;
}

const here = (id: number) => `${RULES_PATHS.groups}/${id}`;

function memberIdOf(form: GroupRequest["form"]): number {
  const parsed = IdParam.safeParse(form.memberId);
  if (!parsed.success) throw data(null, { status: 400 });
  return parsed.data;
}

async function rename({ actor, id, form, audit }: GroupRequest) {
  const result = orNotFound(await renameTokenGroup(db, actor, id, form, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.saved");
  const name = typeof form.name === "string" ? form.name : "";
  const fieldErrors = result.reason === "invalid" ? { name: result.fieldErrors.name } : {};
  return data<ActionData>({ intent: "rename", fieldErrors, name }, { status: 400 });
}

async function remove({ actor, id, audit }: GroupRequest) {
  const result = orNotFound(await deleteTokenGroup(db, actor, id, audit));
  if (result.ok) return redirectWithFlash(RULES_PATHS.groups, "flash.rules.groupDeleted");
  const formError = (result.reason === "invalid" ? result.formError : undefined) ?? {
    key: "rules.groups.error.inUse",
    vars: { categories: "" },
  };
  return data<ActionData>({ intent: "delete", formError }, { status: 409 });
}

async function addMember({ actor, id, form, audit }: GroupRequest) {
  const staffId = IdParam.safeParse(form.staffId);
  if (!staffId.success) {
    const fieldErrors = { staffId: { key: "rules.groups.error.chooseStaff" } } as const;
    return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
  }
  const result = orNotFound(await addTokenGroupMember(db, actor, id, staffId.data, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.rules.memberAdded");
  const fieldErrors = result.reason === "invalid" ? { staffId: result.fieldErrors.staffId } : {};
  return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
}

async function removeMember({ actor, id, form, audit }: GroupRequest) {
  orNotFound(await removeTokenGroupMember(db, actor, id, memberIdOf(form), audit));
  return redirectWithFlash(here(id), "flash.rules.memberRemoved");
}

async function setInRotation({ actor, id, form, audit }: GroupRequest, active: boolean) {
  orNotFound(await setTokenGroupMemberActive(db, actor, id, memberIdOf(form), active, audit));
  return redirectWithFlash(here(id), active ? "flash.rules.memberResumed" : "flash.rules.memberPaused");
}

async function move({ actor, id, form, audit }: GroupRequest, direction: "up" | "down") {
  orNotFound(await moveTokenGroupMember(db, actor, id, memberIdOf(form), direction, audit));
  return redirectWithFlash(here(id), "flash.rules.orderChanged");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = requireIdParam(params.groupId);
  const formData = await request.formData();
  const req: GroupRequest = { actor, id, form: Object.fromEntries(formData), audit: { ipAddress: clientIp(context) } };
  switch (formIntent(formData)) {
    case "rename":
      return rename(req);
    case "delete":
      return remove(req);
    case "add":
      return addMember(req);
    case "remove":
      return removeMember(req);
    case "pause":
      return setInRotation(req, false);
    case "resume":
      return setInRotation(req, true);
    case "up":
      return move(req, "up");
    case "down":
      return move(req, "down");
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "rules.group.pageTitle", { name: loaderData.group.name })
    : pageTitle(matches, "rules.groups.title");

export default function TokenGroupPage() {
  const { group, addable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useI18n();
  const rename = result?.intent === "rename" ? result : null;
  const add = result?.intent === "add" ? result : null;
  const deleteError = result?.intent === "delete" ? result.formError : null;
  const eligibleCount = group.members.filter((m) => m.eligible).length;

  return (
    <div className="space-y-6">
      <BackLink to={RULES_PATHS.groups}>{t("rules.groups.back")}</BackLink>
      <PageHeader
        icon={<UsersRound aria-hidden className="size-6" />}
        eyebrow={t("rules.groups.title")}
        title={group.name}
        description={t("rules.group.summary", { members: group.members.length, eligible: eligibleCount })}
      />

      {deleteError ? <Notice tone="error">{errorText(t, deleteError)}</Notice> : null}

      {group.next ? (
        <div
          data-testid="next-in-turn"
          className="flex items-center gap-3 rounded-xl border border-blue-200 bg-blue-50 px-4 py-3 text-blue-900"
        >
          <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-blue-600 text-white">
            <ArrowRight aria-hidden className="size-4" />
          </span>
          <p className="text-sm">
            <span className="font-semibold">{t("rules.group.next", { name: group.next.name })}</span>
            <span className="ml-2 text-blue-800/80">{t("rules.group.nextHint")}</span>
          </p>
        </div>
      ) : (
        <div data-testid="next-in-turn">
          <Notice tone="warning">
            <p className="font-semibold">{t("rules.group.nobody")}</p>
            <p className="mt-0.5">{t("rules.group.nobodyHint")}</p>
          </Notice>
        </div>
      )}

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <TokenGroupMembersCard members={group.members} addable={addable} addError={add?.fieldErrors.staffId} />
        </div>
        <TokenGroupSide group={group} rename={{ error: rename?.fieldErrors.name, name: rename?.name }} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={RULES_PATHS.groups} backLabel="rules.groups.back" texts="rules.error" />;
}
