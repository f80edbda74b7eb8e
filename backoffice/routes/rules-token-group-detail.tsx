import {
  ArrowDown,
  ArrowRight,
  ArrowUp,
  Pencil,
  Trash2,
  TriangleAlert,
  UserMinus,
  UserPlus,
  UsersRound,
} from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/rules-access.server.ts";
import {
  addTokenGroupMember,
  deleteTokenGroup,
  getTokenGroup,
  listAddableStaff,
  moveTokenGroupMember,
  removeTokenGroupMember,
  renameTokenGroup,
  setTokenGroupMemberActive,
} from "#app/modules/leads/token-groups.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  BackLink,
  ConfirmAction,
  errorText,
  Field,
  fieldAria,
  inputClass,
  Notice,
  RULES_PATHS,
  RulesErrorBoundary,
  StaffStatusBadge,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// 营销规则 › 网站线索持有人 › one group: the rotation order, who is next, members in and out.

const NOTICES = ["created", "renamed", "added", "removed", "moved", "paused", "resumed"] as const;
type NoticeCode = (typeof NOTICES)[number];

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);

function groupIdFrom(params: LoaderFunctionArgs["params"]): number {
  const parsed = IdParam.safeParse(params.groupId);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const id = groupIdFrom(params);
  const group = await getTokenGroup(db, id);
  if (!group) throw data(null, { status: 404 });
  const addable = await listAddableStaff(db, id);
  const noticeParam = new URL(request.url).searchParams.get("notice");
  const notice = (NOTICES as readonly string[]).includes(noticeParam ?? "") ? (noticeParam as NoticeCode) : null;
  return { group, addable, notice };
}

type ActionData =
  | { intent: "rename"; fieldErrors: { name?: UiError }; name: string }
  | { intent: "add"; fieldErrors: { staffId?: UiError } }
  | { intent: "delete"; formError: UiError };

function throwIfNotFound<T extends object>(result: RulesResult<T>): void {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = groupIdFrom(params);
  const audit = { ipAddress: clientIp(context) };
  const form = Object.fromEntries(await request.formData());
  const here = `${RULES_PATHS.groups}/${id}`;
  const memberId = () => {
    const parsed = IdParam.safeParse(form.memberId);
    if (!parsed.success) throw data(null, { status: 400 });
    return parsed.data;
  };

  switch (form.intent) {
    case "rename": {
      const result = await renameTokenGroup(db, actor, id, form, audit);
      if (result.ok) return redirect(`${here}?notice=renamed`);
      throwIfNotFound(result);
      return data<ActionData>(
        {
          intent: "rename",
          fieldErrors: result.reason === "invalid" ? { name: result.fieldErrors.name } : {},
          name: typeof form.name === "string" ? form.name : "",
        },
        { status: 400 },
      );
    }
    case "delete": {
      const result = await deleteTokenGroup(db, actor, id, audit);
      if (result.ok) return redirect(`${RULES_PATHS.groups}?notice=deleted`);
      throwIfNotFound(result);
      const formError = result.reason === "invalid" ? result.formError : undefined;
      return data<ActionData>(
        { intent: "delete", formError: formError ?? { key: "rules.groups.error.inUse", vars: { categories: "" } } },
        { status: 409 },
      );
    }
    case "add": {
      const staffId = IdParam.safeParse(form.staffId);
      if (!staffId.success) {
        return data<ActionData>(
          { intent: "add", fieldErrors: { staffId: { key: "rules.groups.error.chooseStaff" } } },
          { status: 400 },
        );
      }
      const result = await addTokenGroupMember(db, actor, id, staffId.data, audit);
      if (result.ok) return redirect(`${here}?notice=added`);
      throwIfNotFound(result);
      return data<ActionData>(
        { intent: "add", fieldErrors: result.reason === "invalid" ? { staffId: result.fieldErrors.staffId } : {} },
        { status: 400 },
      );
    }
    case "remove": {
      throwIfNotFound(await removeTokenGroupMember(db, actor, id, memberId(), audit));
      return redirect(`${here}?notice=removed`);
    }
    case "pause":
    case "resume": {
      throwIfNotFound(await setTokenGroupMemberActive(db, actor, id, memberId(), form.intent === "resume", audit));
      return redirect(`${here}?notice=${form.intent === "resume" ? "resumed" : "paused"}`);
    }
    case "up":
    case "down": {
      throwIfNotFound(await moveTokenGroupMember(db, actor, id, memberId(), form.intent, audit));
      return redirect(`${here}?notice=moved`);
    }
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "rules.group.pageTitle", { name: loaderData.group.name })
    : pageTitle(matches, "rules.groups.title");

export default function TokenGroupPage() {
  const { group, addable, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const location = useLocation();
  const { t } = useI18n();
  const formAction = location.pathname;
  const pending = navigation.state !== "idle";

  const rename = result?.intent === "rename" ? result : null;
  const add = result?.intent === "add" ? result : null;
  const deleteError = result?.intent === "delete" ? result.formError : null;
  const eligibleCount = group.members.filter((m) => m.eligible).length;
  const renameError = errorText(t, rename?.fieldErrors.name);
  const addError = errorText(t, add?.fieldErrors.staffId);
  const last = group.members.length - 1;

  return (
    <div className="space-y-6">
      <BackLink to={RULES_PATHS.groups}>{t("rules.groups.back")}</BackLink>
      <PageHeader
        icon={<UsersRound aria-hidden className="size-6" />}
        eyebrow={t("rules.groups.title")}
        title={group.name}
        description={t("rules.group.summary", { members: group.members.length, eligible: eligibleCount })}
      />

      {notice && !result ? <Notice tone="success">{t(`rules.notice.group.${notice}`)}</Notice> : null}
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
        <Card className="lg:col-span-2">
          <CardHeader title={t("rules.group.order")} description={t("rules.group.order.description")} />
          {group.members.length === 0 ? (
            <EmptyState
              icon={<UsersRound aria-hidden className="size-5" />}
              title={t("rules.group.empty.title")}
              description={t("rules.group.empty.body")}
            />
          ) : (
            <ol aria-label={t("rules.group.order")} className="divide-y divide-slate-100">
              {group.members.map((m, index) => (
                <li
                  key={m.id}
                  data-testid="group-member"
                  data-staff={m.staff.name}
                  className={cn(
                    "flex flex-col gap-3 px-5 py-3.5 sm:flex-row sm:items-center",
                    m.isNext && "bg-blue-50/60",
                    !m.eligible && "bg-slate-50/50",
                  )}
                >
                  <div className="flex min-w-0 flex-1 items-center gap-3">
                    <span
                      className={cn(
                        "flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold tabular-nums",
                        m.isNext ? "bg-blue-600 text-white" : "bg-slate-100 text-slate-600",
                      )}
                    >
                      {index + 1}
                    </span>
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className={cn("font-medium", m.eligible ? "text-slate-900" : "text-slate-500")}>
                          {m.staff.name}
                        </span>
                        <StaffStatusBadge status={m.staff.status} />
                        {m.isNext ? <Badge tone="blue">{t("rules.group.nextBadge")}</Badge> : null}
                        {!m.active ? <Badge tone="slate">{t("rules.group.paused")}</Badge> : null}
                      </p>
                      <p className="mt-0.5 truncate text-xs text-slate-500">
                        {[m.staff.team, m.staff.title].filter(Boolean).join(" · ") || t("rules.group.noTeam")}
                      </p>
                    </div>
                  </div>
                  <div className="flex shrink-0 flex-wrap items-center gap-1.5 pl-11 sm:pl-0">
                    <Form method="post" action={formAction}>
                      <input type="hidden" name="intent" value={m.active ? "pause" : "resume"} />
                      <input type="hidden" name="memberId" value={m.id} />
                      <button
                        type="submit"
                        role="switch"
                        aria-checked={m.active}
                        aria-label={t("rules.group.inRotation", { name: m.staff.name })}
                        disabled={pending}
                        className="inline-flex h-8 items-center gap-2 rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
                      >
                        <span
                          aria-hidden
                          className={cn(
                            "relative inline-flex h-5 w-9 items-center rounded-full transition-colors",
                            m.active ? "bg-blue-600" : "bg-slate-300",
                          )}
                        >
                          <span
                            className={cn(
                              "absolute size-4 rounded-full bg-white shadow transition-transform",
                              m.active ? "translate-x-4.5" : "translate-x-0.5",
                            )}
                          />
                        </span>
                        <span className="text-xs">{t(m.active ? "rules.group.on" : "rules.group.off")}</span>
                      </button>
                    </Form>
                    <MoveButton
                      formAction={formAction}
                      memberId={m.id}
                      direction="up"
                      disabled={index === 0 || pending}
                      label={t("rules.group.moveUp", { name: m.staff.name })}
                    />
                    <MoveButton
                      formAction={formAction}
                      memberId={m.id}
                      direction="down"
                      disabled={index === last || pending}
                      label={t("rules.group.moveDown", { name: m.staff.name })}
                    />
                    <ConfirmAction
                      variant="ghost"
                      label={<span className="sr-only">{t("rules.group.remove", { name: m.staff.name })}</span>}
                      icon={<UserMinus aria-hidden className="size-4" />}
                      title={t("rules.group.remove.title", { name: m.staff.name })}
                      body={t("rules.group.remove.body")}
                      confirmLabel={t("rules.group.remove.confirm")}
                      fields={{ intent: "remove", memberId: m.id }}
                    />
                  </div>
                </li>
              ))}
            </ol>
          )}
          <Form
            method="post"
            action={formAction}
            noValidate
            className="flex flex-col gap-3 border-t border-slate-100 bg-slate-50/50 px-5 py-4 sm:flex-row sm:items-start"
          >
            <input type="hidden" name="intent" value="add" />
            <Field id="add-staff" label={t("rules.group.add.label")} error={addError} className="flex-1">
              <select
                id="add-staff"
                name="staffId"
                defaultValue=""
                disabled={addable.length === 0}
                className={inputClass}
                {...fieldAria("add-staff", addError)}
              >
                <option value="">
                  {addable.length === 0 ? t("rules.group.add.none") : t("rules.group.add.choose")}
                </option>
                {addable.map((s) => (
                  <option key={s.id} value={s.id}>
                    {[s.name, s.team].filter(Boolean).join(" · ")}
                  </option>
                ))}
              </select>
            </Field>
            <Button type="submit" disabled={addable.length === 0 || pending} className="sm:mt-7">
              <UserPlus aria-hidden className="size-4" />
              {t("rules.group.add.submit")}
            </Button>
          </Form>
        </Card>

        <div className="space-y-6">
          <Card>
            <CardHeader icon={<Pencil aria-hidden className="size-4" />} title={t("rules.group.rename")} />
            <Form method="post" action={formAction} noValidate className="space-y-4 p-5">
              <input type="hidden" name="intent" value="rename" />
              <Field id="group-name" label={t("rules.groups.name")} error={renameError} required>
                <input
                  id="group-name"
                  name="name"
                  required
                  maxLength={100}
                  defaultValue={rename?.name ?? group.name}
                  className={inputClass}
                  {...fieldAria("group-name", renameError)}
                />
              </Field>
              <Button type="submit" variant="secondary" disabled={pending} className="w-full">
                {t("rules.form.save")}
              </Button>
            </Form>
          </Card>

          <Card>
            <CardHeader title={t("rules.group.usedBy")} description={t("rules.group.usedBy.description")} />
            {group.categories.length === 0 ? (
              <p className="px-5 py-4 text-sm text-slate-500">{t("rules.groups.unused")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {group.categories.map((c) => (
                  <li key={c.id}>
                    <Link
                      to={`${RULES_PATHS.categories}/${c.id}`}
                      className="flex items-center justify-between gap-3 px-5 py-3 text-sm hover:bg-slate-50"
                    >
                      <span className="min-w-0">
                        <span className="block truncate font-medium text-slate-900">{c.name}</span>
                        <span className="font-mono text-xs text-slate-500">{c.code}</span>
                      </span>
                      {c.active ? null : <Badge tone="slate">{t("rules.active.off")}</Badge>}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card className="border-red-200/80">
            <CardHeader
              icon={<TriangleAlert aria-hidden className="size-4 text-red-600" />}
              title={t("rules.group.delete")}
              description={
                group.categories.length > 0
                  ? t("rules.group.delete.blocked", { count: group.categories.length })
                  : t("rules.group.delete.description")
              }
            />
            <div className="flex justify-end px-5 py-4">
              {group.categories.length > 0 ? (
                <Button variant="secondary" size="sm" disabled>
                  <Trash2 aria-hidden className="size-4" />
                  {t("rules.group.delete")}
                </Button>
              ) : (
                <ConfirmAction
                  label={t("rules.group.delete")}
                  icon={<Trash2 aria-hidden className="size-4" />}
                  title={t("rules.group.delete.title", { name: group.name })}
                  body={t("rules.group.delete.body")}
                  confirmLabel={t("rules.group.delete.confirm")}
                  fields={{ intent: "delete" }}
                />
              )}
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}

function MoveButton({
  formAction,
  memberId,
  direction,
  disabled,
  label,
}: {
  formAction: string;
  memberId: number;
  direction: "up" | "down";
  disabled: boolean;
  label: string;
}) {
  const Icon = direction === "up" ? ArrowUp : ArrowDown;
  return (
    <Form method="post" action={formAction}>
      <input type="hidden" name="intent" value={direction} />
      <input type="hidden" name="memberId" value={memberId} />
      <Button
        type="submit"
        variant="ghost"
        size="sm"
        disabled={disabled}
        aria-label={label}
        title={label}
        className="px-2"
      >
        <Icon aria-hidden className="size-4" />
      </Button>
    </Form>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <RulesErrorBoundary error={error} />;
}
