import {
  ArrowLeft,
  Ban,
  BadgeCheck,
  Building2,
  CircleAlert,
  CircleCheck,
  History,
  Link2,
  Link2Off,
  PauseCircle,
  PlayCircle,
  Search,
  ShieldCheck,
  UserRound,
  Layers,
} from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { MemberLevel, type MemberStatus } from "#app/generated/prisma/enums.ts";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import {
  canModifyMembers,
  MemberAdminError,
  parseChinaDateTime,
  toChinaDateTimeInput,
  type MemberAdminErrorCode,
} from "#app/modules/members/member-admin.server.ts";
import { REASON_MAX_LENGTH } from "#app/modules/members/member-admin-shared.ts";
import { getMemberDetail, listMemberAudit, type AuditValue } from "#app/modules/members/member-directory.server.ts";
import {
  linkMemberToCompany,
  linkMemberToContact,
  searchContacts,
  suggestLinks,
  unlinkMember,
  type CompanyEvidence,
  type ContactCandidate,
  type ContactEvidence,
} from "#app/modules/members/member-linking.server.ts";
import {
  liftSuspension,
  setMemberLevel,
  suspendMember,
  terminateMember,
  verifyMember,
} from "#app/modules/members/member-moderation.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Avatar } from "#backoffice/components/avatar.tsx";
import {
  MemberAdminErrorBoundary,
  MemberLevelBadge,
  MemberStatusBadge,
} from "#backoffice/components/member-admin-ui.tsx";
import { formatDateTime } from "#emails/format.ts";

const LIST_PATH = "/crm/members";

const DONE = ["verified", "level", "linked", "unlinked", "suspended", "lifted", "terminated", "unchanged"] as const;
type Done = (typeof DONE)[number];

function memberIdFrom(params: { memberId?: string }): number {
  const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.memberId);
  if (!id.success) throw data(null, { status: 404 });
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "members", "browse");
  const memberId = memberIdFrom(params);
  const member = await getMemberDetail(db, memberId);
  if (!member) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const canModify = canModifyMembers(principal);
  const contactQuery = (url.searchParams.get("contactQ") ?? "").trim().slice(0, 100);
  const [trail, suggestions, searchResults] = await Promise.all([
    listMemberAudit(db, memberId),
    canModify && member.status !== "deregistered" ? suggestLinks(db, memberId) : null,
    canModify && contactQuery ? searchContacts(db, contactQuery) : null,
  ]);
  const done = z.enum(DONE).safeParse(url.searchParams.get("done"));
  return {
    member,
    trail,
    canModify,
    suggestions,
    contactQuery,
    searchResults,
    done: done.success ? done.data : null,
    nowInput: toChinaDateTimeInput(new Date()),
  };
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "memberAdmin.detail.title", { nickname: loaderData.member.nickname })
    : pageTitle(matches, "memberAdmin.list.title");

// ───────────── actions ─────────────

const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("verify"),
    realName: text(50),
    phone: text(50).refine((v) => phoneKey(v) !== null, "phone"),
  }),
  z.object({ intent: z.literal("level"), level: z.enum(MemberLevel, "level") }),
  z.object({
    intent: z.literal("link"),
    contactId: z.coerce.number("chooseContact").int().positive("chooseContact"),
    company: z.union([z.enum(["contact", "none"]), z.coerce.number().int().positive()]).catch("contact"),
  }),
  z.object({ intent: z.literal("link-company"), companyId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("unlink") }),
  z.object({
    intent: z.literal("suspend"),
    reason: text(REASON_MAX_LENGTH),
    until: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const date = parseChinaDateTime(v);
        if (!date) {
          ctx.addIssue({ code: "custom", message: "dateTime" });
          return z.NEVER;
        }
        return date;
      }),
  }),
  z.object({ intent: z.literal("lift") }),
  z.object({
    intent: z.literal("terminate"),
    reason: text(REASON_MAX_LENGTH),
    confirm: z.literal("yes", "confirm"),
  }),
]);
type Intent = z.infer<typeof ActionSchema>["intent"];
const INTENTS = ActionSchema.options.map((o) => o.shape.intent.value);

/** zod messages here are short codes; this maps them to dictionary keys. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  required: "validation.required",
  tooLong: "validation.tooLong",
  phone: "memberAdmin.validation.phone",
  level: "memberAdmin.validation.level",
  chooseContact: "memberAdmin.validation.chooseContact",
  dateTime: "memberAdmin.validation.dateTime",
  confirm: "memberAdmin.validation.confirm",
};

type ActionResult = {
  intent: Intent | null;
  fieldErrors?: Partial<Record<string, MessageKey>>;
  error?: { code: MemberAdminErrorCode; details: Record<string, string | number> };
  values?: Record<string, string>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "members", "modify");
  const memberId = memberIdFrom(params);
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const rawIntent = INTENTS.find((i) => i === form.intent) ?? null;
  if (!rawIntent) throw data({ error: "unknown intent" }, { status: 400 });

  const parsed = ActionSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<string, MessageKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      fieldErrors[field] ??= FIELD_MESSAGES[issue.message] ?? "memberAdmin.error.invalid-input";
    }
    return data<ActionResult>({ intent: rawIntent, fieldErrors, values }, { status: 400 });
  }

  const input = parsed.data;
  const meta = { ipAddress: clientIp(context) };
  let done: Done;
  try {
    switch (input.intent) {
      case "verify":
        await verifyMember(db, principal, memberId, { realName: input.realName, phone: input.phone }, meta);
        done = "verified";
        break;
      case "level":
        done = (await setMemberLevel(db, principal, memberId, input.level, meta)) ? "level" : "unchanged";
        break;
      case "link":
        done = (await linkMemberToContact(
          db,
          principal,
          memberId,
          { contactId: input.contactId, company: input.company },
          meta,
        ))
          ? "linked"
          : "unchanged";
        break;
      case "link-company":
        done = (await linkMemberToCompany(db, principal, memberId, input.companyId, meta)) ? "linked" : "unchanged";
        break;
      case "unlink":
        done = (await unlinkMember(db, principal, memberId, meta)) ? "unlinked" : "unchanged";
        break;
      case "suspend":
        await suspendMember(db, principal, memberId, { reason: input.reason, until: input.until }, meta);
        done = "suspended";
        break;
      case "lift":
        await liftSuspension(db, principal, memberId, meta);
        done = "lifted";
        break;
      case "terminate":
        await terminateMember(db, principal, memberId, { reason: input.reason }, meta);
        done = "terminated";
        break;
    }
  } catch (error) {
    if (!(error instanceof MemberAdminError)) throw error;
    if (error.code === "member-not-found") throw data(null, { status: 404 });
    if (error.code === "forbidden") throw data(null, { status: 403 });
    const status = error.code === "contact-taken" || error.code === "invalid-state" ? 409 : 400;
    const fieldErrors: Partial<Record<string, MessageKey>> =
      error.code === "until-in-past" ? { until: "memberAdmin.error.until-in-past" } : {};
    return data<ActionResult>(
      { intent: rawIntent, error: { code: error.code, details: error.details }, fieldErrors, values },
      { status },
    );
  }
  // Post/redirect/get: a reload does not repeat the action.
  return redirect(`${LIST_PATH}/${memberId}?done=${done}`);
}

// ───────────── page ─────────────

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function MemberDetailPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const { member } = page;
  const open = !["terminated", "deregistered"].includes(member.status);
  const panelError = (intent: Intent) => (result && result.intent === intent ? result : undefined);

  return (
    <div className="space-y-6">
      <Link to={LIST_PATH} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        {t("memberAdmin.detail.back")}
      </Link>

      <PageHeader
        eyebrow={member.email}
        title={member.nickname}
        description={t("memberAdmin.detail.registered", { date: formatDateTime(member.createdAt, locale) })}
        icon={<UserRound className="size-6" aria-hidden />}
        actions={
          <div className="flex items-center gap-2">
            <MemberStatusBadge status={member.status} className="px-2.5 py-1 text-sm" />
            <MemberLevelBadge level={member.level} className="px-2.5 py-1 text-sm" />
          </div>
        }
      />

      {page.done ? (
        <div
          role="status"
          className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>{t(`memberAdmin.done.${page.done}`)}</p>
        </div>
      ) : null}
      {result?.error &&
      (result.intent === "link" || result.intent === "link-company" || result.intent === "unlink") ? null : (
        <ErrorBanner error={result?.error} />
      )}
      {!page.canModify ? (
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
          <p>{t("memberAdmin.detail.readOnly")}</p>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ProfileCard member={member} />
          <LinkCard page={page} result={result} />
          <AuditCard trail={page.trail} />
        </div>

        <div className="min-w-0 space-y-6">
          <StateCard member={member} />
          {page.canModify && open ? (
            <>
              <VerifyPanel member={member} result={panelError("verify")} />
              <LevelPanel member={member} result={panelError("level")} />
              {member.status === "suspended" ? (
                <Panel
                  icon={<PlayCircle className="size-4" aria-hidden />}
                  title={t("memberAdmin.lift.title")}
                  description={t("memberAdmin.lift.description")}
                >
                  <Form method="post">
                    <input type="hidden" name="intent" value="lift" />
                    <SubmitButton variant="secondary">{t("memberAdmin.lift.submit")}</SubmitButton>
                  </Form>
                </Panel>
              ) : (
                <SuspendPanel nowInput={page.nowInput} result={panelError("suspend")} />
              )}
              <TerminatePanel result={panelError("terminate")} />
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <MemberAdminErrorBoundary error={error} />;
}

function errorMessage(t: Translate, error: NonNullable<ActionResult["error"]>): string {
  if (error.code === "contact-taken") {
    const { nickname, email } = error.details;
    return nickname !== undefined && email !== undefined
      ? t("memberAdmin.error.contact-taken", { nickname, email })
      : t("memberAdmin.error.contact-taken-unknown");
  }
  return t(`memberAdmin.error.${error.code}`);
}

function ErrorBanner({ error }: { error: ActionResult["error"] }) {
  const { t } = useI18n();
  if (!error || error.code === "until-in-past") return null;
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
    >
      <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>{errorMessage(t, error)}</p>
    </div>
  );
}

// ───────────── cards ─────────────

function ProfileCard({ member }: { member: LoaderData["member"] }) {
  const { t, locale } = useI18n();
  const region = [member.province, member.city].filter(Boolean).join(" ");
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : null);
  return (
    <Card>
      <CardHeader
        icon={<UserRound className="size-4" aria-hidden />}
        title={t("memberAdmin.detail.profile.title")}
        description={t("memberAdmin.detail.profile.description")}
      />
      <CardBody>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <Field label={t("memberAdmin.field.nickname")} value={member.nickname} />
          <Field label={t("memberAdmin.field.email")} value={member.email} />
          <Field label={t("memberAdmin.field.realName")} value={member.realName} />
          <Field label={t("memberAdmin.field.phone")} value={member.phone} />
          <Field label={t("memberAdmin.field.companyName")} value={member.companyName} />
          <Field label={t("memberAdmin.field.title")} value={member.title} />
          <Field label={t("memberAdmin.field.region")} value={region || null} />
          <Field label={t("memberAdmin.field.address")} value={member.address} />
          <Field label={t("memberAdmin.field.activatedAt")} value={when(member.activatedAt)} />
          <Field
            label={t("memberAdmin.field.lastSignInAt")}
            value={when(member.lastSignInAt) ?? t("memberAdmin.value.never")}
          />
          <Field
            label={t("memberAdmin.field.notifyByEmail")}
            value={t(member.notifyByEmail ? "memberAdmin.value.yes" : "memberAdmin.value.no")}
          />
          {member.deregisteredAt ? (
            <Field label={t("memberAdmin.field.deregisteredAt")} value={when(member.deregisteredAt)} />
          ) : null}
        </dl>
      </CardBody>
    </Card>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">
        {value ?? <span className="text-slate-300">{t("memberAdmin.value.empty")}</span>}
      </dd>
    </div>
  );
}

function StateCard({ member }: { member: LoaderData["member"] }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <CardHeader icon={<ShieldCheck className="size-4" aria-hidden />} title={t("memberAdmin.state.title")} />
      <CardBody className="space-y-3 text-sm">
        <p className={cn("flex items-start gap-2", member.realNameVerifiedAt ? "text-emerald-700" : "text-slate-500")}>
          <BadgeCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
          {member.realNameVerifiedAt
            ? t("memberAdmin.state.verifiedBy", {
                name: member.verifiedByName ?? t("memberAdmin.audit.unknownActor"),
                date: formatDateTime(member.realNameVerifiedAt, locale),
              })
            : t("memberAdmin.state.notVerified")}
        </p>
        {member.status === "suspended" ? (
          <div className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
            <p className="font-medium">
              {member.suspendedUntil
                ? t("memberAdmin.state.suspendedUntil", { date: formatDateTime(member.suspendedUntil, locale) })
                : t("memberAdmin.state.suspendedOpen")}
            </p>
            {member.suspensionReason ? (
              <p className="mt-1">{t("memberAdmin.state.suspendedReason", { reason: member.suspensionReason })}</p>
            ) : null}
          </div>
        ) : null}
        {member.status === "terminated" ? (
          <p className="rounded-lg bg-slate-100 px-3 py-2 text-slate-700">{t("memberAdmin.state.terminated")}</p>
        ) : null}
        {member.status === "deregistered" ? (
          <p className="rounded-lg bg-slate-100 px-3 py-2 text-slate-700">{t("memberAdmin.state.deregistered")}</p>
        ) : null}
      </CardBody>
    </Card>
  );
}

function RecordLink({ to, number, name }: { to: string; number: string; name: string }) {
  return (
    <Link to={to} className="group inline-flex min-w-0 items-baseline gap-2 hover:text-blue-700">
      <span className="font-mono text-xs text-slate-500">{number}</span>
      <span className="truncate font-medium text-slate-900 group-hover:text-blue-700 group-hover:underline">
        {name}
      </span>
    </Link>
  );
}

function LinkCard({ page, result }: { page: LoaderData; result: ActionResult | undefined }) {
  const { t } = useI18n();
  const { member, suggestions, searchResults } = page;
  const linked = member.contact || member.company;
  const linkResult =
    result && (result.intent === "link" || result.intent === "link-company" || result.intent === "unlink")
      ? result
      : undefined;
  const suggestedIds = new Set(suggestions?.contacts.map((c) => c.id) ?? []);
  const extra = (searchResults ?? []).filter((c) => !suggestedIds.has(c.id));
  const selected = linkResult?.values?.contactId;
  const chosenCompany = linkResult?.values?.company ?? "contact";
  const canLink = page.canModify && member.status !== "deregistered" && suggestions;

  return (
    <Card>
      <CardHeader
        icon={<Link2 className="size-4" aria-hidden />}
        title={t("memberAdmin.link.title")}
        description={t("memberAdmin.link.description")}
      />
      <CardBody className="space-y-5">
        <div className="rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1.5">
              <p className="text-xs font-medium text-slate-500">{t("memberAdmin.link.current")}</p>
              {linked ? (
                <>
                  {member.contact ? (
                    <p className="flex min-w-0 items-center gap-2 text-sm">
                      <UserRound
                        className="size-4 shrink-0 text-slate-400"
                        aria-label={t("memberAdmin.field.contact")}
                      />
                      <RecordLink
                        to={`/crm/contacts/${member.contact.id}`}
                        number={member.contact.number}
                        name={member.contact.fullName}
                      />
                    </p>
                  ) : null}
                  {member.company ? (
                    <p className="flex min-w-0 items-center gap-2 text-sm">
                      <Building2
                        className="size-4 shrink-0 text-slate-400"
                        aria-label={t("memberAdmin.field.company")}
                      />
                      <RecordLink
                        to={`/crm/companies/${member.company.id}`}
                        number={member.company.number}
                        name={member.company.name}
                      />
                    </p>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-slate-500">{t("memberAdmin.link.none")}</p>
              )}
            </div>
            {linked && canLink ? (
              <Form method="post">
                <input type="hidden" name="intent" value="unlink" />
                <SubmitButton variant="ghost" size="sm">
                  <Link2Off className="size-4" aria-hidden />
                  {t("memberAdmin.link.unlink")}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        </div>

        {linkResult?.error ? (
          <p
            role="alert"
            className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            {errorMessage(t, linkResult.error)}
          </p>
        ) : null}

        {canLink ? (
          <>
            {/* The search box belongs to this GET form but sits inside the link form visually (form= attribute). */}
            <Form id="contact-search" method="get" preventScrollReset className="hidden" />
            <Form method="post" className="space-y-5">
              <input type="hidden" name="intent" value="link" />
              <fieldset className="space-y-2">
                <legend className="text-sm font-semibold text-slate-900">{t("memberAdmin.link.suggestions")}</legend>
                <p className="text-xs text-slate-500">{t("memberAdmin.link.suggestionsHint")}</p>
                {suggestions.contacts.length === 0 ? (
                  <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">
                    {t("memberAdmin.link.noSuggestions")}
                  </p>
                ) : (
                  <ul className="space-y-2">
                    {suggestions.contacts.map((c) => (
                      <CandidateOption
                        key={c.id}
                        candidate={c}
                        memberId={member.id}
                        currentId={member.contact?.id}
                        selected={selected}
                      />
                    ))}
                  </ul>
                )}
              </fieldset>

              <div className="space-y-2">
                <label htmlFor="contact-q" className="text-sm font-semibold text-slate-900">
                  {t("memberAdmin.link.search.label")}
                </label>
                <div className="flex gap-2">
                  <div className="relative min-w-0 flex-1">
                    <Search
                      aria-hidden
                      className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
                    />
                    <input
                      id="contact-q"
                      type="search"
                      name="contactQ"
                      form="contact-search"
                      defaultValue={page.contactQuery}
                      maxLength={100}
                      placeholder={t("memberAdmin.link.search.placeholder")}
                      className="h-9 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
                    />
                  </div>
                  <Button type="submit" form="contact-search" variant="secondary" size="sm" className="h-9">
                    {t("memberAdmin.link.search.submit")}
                  </Button>
                </div>
                {searchResults ? (
                  searchResults.length === 0 ? (
                    <p className="text-sm text-slate-500">
                      {t("memberAdmin.link.search.none", { query: page.contactQuery })}
                    </p>
                  ) : (
                    <fieldset className="space-y-2">
                      <legend className="mb-2 text-xs font-medium text-slate-500">
                        {t("memberAdmin.link.search.results")}
                      </legend>
                      <ul className="space-y-2">
                        {extra.map((c) => (
                          <CandidateOption
                            key={c.id}
                            candidate={c}
                            memberId={member.id}
                            currentId={member.contact?.id}
                            selected={selected}
                          />
                        ))}
                      </ul>
                    </fieldset>
                  )
                ) : null}
              </div>

              {suggestions.contacts.length > 0 || extra.length > 0 ? (
                <div className="flex flex-col gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:items-end sm:justify-between">
                  <div className="min-w-0 sm:w-72">
                    <label htmlFor="link-company" className="mb-1 block text-xs font-medium text-slate-500">
                      {t("memberAdmin.link.companyChoice")}
                    </label>
                    <select
                      id="link-company"
                      name="company"
                      defaultValue={chosenCompany}
                      className="h-9 w-full rounded-lg border border-slate-300 bg-white pr-8 pl-3 text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
                    >
                      <option value="contact">{t("memberAdmin.link.companyFromContact")}</option>
                      {suggestions.companies.map((co) => (
                        <option key={co.id} value={co.id}>
                          {co.number} {co.name}
                        </option>
                      ))}
                      <option value="none">{t("memberAdmin.link.companyNone")}</option>
                    </select>
                  </div>
                  <div className="flex flex-col items-start gap-1 sm:items-end">
                    <SubmitButton>
                      <Link2 className="size-4" aria-hidden />
                      {t("memberAdmin.link.submit")}
                    </SubmitButton>
                    {linkResult?.fieldErrors?.contactId ? (
                      <p className="text-sm text-red-700">{t(linkResult.fieldErrors.contactId)}</p>
                    ) : null}
                  </div>
                </div>
              ) : null}
            </Form>

            {suggestions.companies.length > 0 ? (
              <div className="space-y-2">
                <h3 className="text-sm font-semibold text-slate-900">{t("memberAdmin.link.companies")}</h3>
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
                  {suggestions.companies.map((co) => (
                    <li key={co.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                      <div className="min-w-0 space-y-1">
                        <p className="flex flex-wrap items-baseline gap-2 text-sm">
                          <span className="font-mono text-xs text-slate-500">{co.number}</span>
                          <span className="font-medium text-slate-900">{co.name}</span>
                          {co.city ? <span className="text-xs text-slate-500">{co.city}</span> : null}
                        </p>
                        <EvidenceList evidence={co.evidence} />
                      </div>
                      {member.company?.id === co.id ? (
                        <span className="text-xs font-medium text-emerald-700">
                          {t("memberAdmin.link.currentMark")}
                        </span>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="link-company" />
                          <input type="hidden" name="companyId" value={co.id} />
                          <SubmitButton variant="secondary" size="sm">
                            <Building2 className="size-4" aria-hidden />
                            {t("memberAdmin.link.linkCompany")}
                          </SubmitButton>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}

function CandidateOption(props: {
  candidate: ContactCandidate;
  memberId: number;
  currentId: number | undefined;
  selected: string | undefined;
}) {
  const { t } = useI18n();
  const c = props.candidate;
  const taken = c.linkedMember !== null && c.linkedMember.id !== props.memberId;
  const current = props.currentId === c.id;
  const id = `contact-${c.id}`;
  return (
    <li>
      <label
        htmlFor={id}
        className={cn(
          "flex gap-3 rounded-lg border px-4 py-3 text-sm transition-colors",
          taken
            ? "cursor-not-allowed border-slate-200 bg-slate-50 text-slate-500"
            : "cursor-pointer border-slate-200 hover:border-blue-300 hover:bg-blue-50/40 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50/60 has-[:checked]:ring-1 has-[:checked]:ring-blue-500",
        )}
      >
        <input
          id={id}
          type="radio"
          name="contactId"
          value={c.id}
          disabled={taken}
          defaultChecked={props.selected === String(c.id)}
          className="mt-1 size-4 shrink-0 accent-blue-600"
        />
        <span className="min-w-0 flex-1 space-y-1">
          <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="font-medium text-slate-900">{c.fullName}</span>
            <span className="font-mono text-xs text-slate-500">{c.number}</span>
            {c.title ? <span className="text-xs text-slate-500">{c.title}</span> : null}
            {current ? (
              <span className="text-xs font-medium text-emerald-700">{t("memberAdmin.link.currentMark")}</span>
            ) : null}
            {taken ? (
              <span className="text-xs font-medium text-amber-700">
                {t("memberAdmin.link.takenBy", { nickname: c.linkedMember!.nickname })}
              </span>
            ) : null}
          </span>
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <span className="inline-flex items-center gap-1">
              <Building2 className="size-3.5" aria-hidden />
              {c.company ? c.company.name : t("memberAdmin.link.noCompany")}
            </span>
            {c.email ? <span className="break-all">{c.email}</span> : null}
            {c.phone ? <span className="tabular-nums">{c.phone}</span> : null}
          </span>
          <EvidenceList evidence={c.evidence} />
        </span>
      </label>
    </li>
  );
}

function EvidenceList({ evidence }: { evidence: Array<ContactEvidence | CompanyEvidence> }) {
  const { t } = useI18n();
  if (evidence.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1.5">
      {evidence.map((e) => (
        <span
          key={e}
          className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20 ring-inset"
        >
          <CircleCheck className="size-3" aria-hidden />
          {t(`memberAdmin.evidence.${e}`)}
        </span>
      ))}
    </span>
  );
}

// ───────────── audit trail ─────────────

const KNOWN_ACTIONS = [
  "member.verified",
  "member.level_changed",
  "member.linked",
  "member.unlinked",
  "member.suspended",
  "member.suspension_lifted",
  "member.suspension_expired",
  "member.terminated",
] as const;

const KNOWN_FIELDS = [
  "email",
  "nickname",
  "realName",
  "phone",
  "title",
  "companyName",
  "address",
  "level",
  "status",
  "resumeStatus",
  "suspendedUntil",
  "suspensionReason",
  "realNameVerifiedAt",
  "contact",
  "company",
  "reason",
  "sessionsEnded",
  "notifyByEmail",
  "value",
] as const;

const STATUS_VALUES: readonly string[] = ["pending", "active", "verified", "suspended", "terminated", "deregistered"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function actionLabel(t: Translate, action: string): string {
  const known = KNOWN_ACTIONS.find((a) => a === action);
  return known ? t(`memberAdmin.audit.action.${known}`) : action;
}

function fieldLabel(t: Translate, field: string): string {
  const known = KNOWN_FIELDS.find((f) => f === field);
  return known ? t(`memberAdmin.field.${known}`) : field;
}

function valueLabel(t: Translate, locale: Locale, field: string, value: AuditValue): string {
  if (value === null || value === "") return t("memberAdmin.value.empty");
  if (typeof value === "boolean") return t(value ? "memberAdmin.value.yes" : "memberAdmin.value.no");
  if ((field === "status" || field === "resumeStatus") && STATUS_VALUES.includes(String(value))) {
    return t(`memberAdmin.status.${value as MemberStatus}`);
  }
  if (field === "level" && (Object.values(MemberLevel) as string[]).includes(String(value))) {
    return t(`memberAdmin.level.${value as MemberLevel}`);
  }
  if (typeof value === "string" && ISO_DATE.test(value)) return formatDateTime(new Date(value), locale);
  return String(value);
}

function AuditCard({ trail }: { trail: LoaderData["trail"] }) {
  const { t, locale } = useI18n();
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
        <ol className="divide-y divide-slate-100">
          {trail.map((entry) => {
            const actor =
              entry.actorType === "system"
                ? t("memberAdmin.audit.system")
                : entry.actorType === "member"
                  ? t("memberAdmin.audit.memberSelf", { name: entry.actorName ?? "?" })
                  : (entry.actorName ?? t("memberAdmin.audit.unknownActor"));
            return (
              <li key={entry.id} className="flex gap-3 px-5 py-4">
                {entry.actorType === "staff" && entry.actorName ? (
                  <Avatar name={entry.actorName} className="size-7 text-xs" />
                ) : (
                  <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
                    <Layers className="size-3.5" aria-hidden />
                  </span>
                )}
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                    <span className="font-medium text-slate-900">{actor}</span>
                    <span className="text-slate-700">{actionLabel(t, entry.action)}</span>
                    <time
                      className="text-xs text-slate-400 tabular-nums"
                      dateTime={new Date(entry.createdAt).toISOString()}
                    >
                      {formatDateTime(entry.createdAt, locale)}
                    </time>
                  </p>
                  {entry.changes.length > 0 ? (
                    <dl className="mt-2 space-y-1 text-xs">
                      {entry.changes.map((change) => (
                        <div key={change.field} className="flex flex-wrap gap-x-2">
                          <dt className="text-slate-500">{fieldLabel(t, change.field)}</dt>
                          <dd className="min-w-0 break-words text-slate-700">
                            <span className="text-slate-400 line-through decoration-slate-300">
                              {valueLabel(t, locale, change.field, change.before)}
                            </span>
                            <span aria-hidden className="mx-1.5 text-slate-400">
                              →
                            </span>
                            <span className="font-medium text-slate-900">
                              {valueLabel(t, locale, change.field, change.after)}
                            </span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

// ───────────── action panels ─────────────

function Panel(props: { icon: ReactNode; title: string; description: string; tone?: "danger"; children: ReactNode }) {
  return (
    <Card className={cn(props.tone === "danger" && "border-red-200")}>
      <CardHeader icon={props.icon} title={props.title} description={props.description} />
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

function SubmitButton(props: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  danger?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <Button
      type="submit"
      variant={props.variant}
      size={props.size}
      disabled={busy}
      className={cn(props.danger && "bg-red-600 shadow-red-600/20 hover:bg-red-700 active:bg-red-800")}
    >
      {props.children}
    </Button>
  );
}

const inputClass =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none aria-[invalid]:border-red-400";

function TextField(props: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | null;
  error?: MessageKey;
  hint?: string;
  type?: string;
  min?: string;
  placeholder?: string;
  maxLength?: number;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const describedBy = props.error ? `${props.id}-error` : props.hint ? `${props.id}-hint` : undefined;
  const common = {
    id: props.id,
    name: props.name,
    defaultValue: props.defaultValue ?? "",
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input type={props.type ?? "text"} min={props.min} {...common} />
      )}
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-red-700">
          {t(props.error)}
        </p>
      ) : props.hint ? (
        <p id={`${props.id}-hint`} className="text-xs text-slate-500">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

function VerifyPanel({ member, result }: { member: LoaderData["member"]; result: ActionResult | undefined }) {
  const { t } = useI18n();
  const values = result?.values;
  return (
    <Panel
      icon={<BadgeCheck className="size-4" aria-hidden />}
      title={t("memberAdmin.verify.title")}
      description={t("memberAdmin.verify.description")}
    >
      {member.status === "pending" ? (
        <p className="text-sm text-slate-500">{t("memberAdmin.verify.notAvailable")}</p>
      ) : (
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="verify" />
          {member.realNameVerifiedAt ? <p className="text-xs text-slate-500">{t("memberAdmin.verify.again")}</p> : null}
          <TextField
            id="verify-realName"
            name="realName"
            label={t("memberAdmin.field.realName")}
            defaultValue={values?.realName ?? member.realName}
            error={result?.fieldErrors?.realName}
            maxLength={50}
          />
          <TextField
            id="verify-phone"
            name="phone"
            type="tel"
            label={t("memberAdmin.field.phone")}
            defaultValue={values?.phone ?? member.phone}
            error={result?.fieldErrors?.phone}
            maxLength={50}
          />
          <SubmitButton variant="secondary">{t("memberAdmin.verify.submit")}</SubmitButton>
        </Form>
      )}
    </Panel>
  );
}

function LevelPanel({ member, result }: { member: LoaderData["member"]; result: ActionResult | undefined }) {
  const { t } = useI18n();
  return (
    <Panel
      icon={<Layers className="size-4" aria-hidden />}
      title={t("memberAdmin.levelPanel.title")}
      description={t("memberAdmin.levelPanel.description")}
    >
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="level" />
        <fieldset className="space-y-2">
          <legend className="sr-only">{t("memberAdmin.field.level")}</legend>
          {Object.values(MemberLevel).map((level) => (
            <label
              key={level}
              className="flex cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50/60"
            >
              <input
                type="radio"
                name="level"
                value={level}
                defaultChecked={member.level === level}
                className="size-4 accent-blue-600"
              />
              <span className="font-medium text-slate-900">{t(`memberAdmin.level.${level}`)}</span>
            </label>
          ))}
        </fieldset>
        {result?.fieldErrors?.level ? <p className="text-sm text-red-700">{t(result.fieldErrors.level)}</p> : null}
        <SubmitButton variant="secondary">{t("memberAdmin.levelPanel.submit")}</SubmitButton>
      </Form>
    </Panel>
  );
}

function SuspendPanel({ nowInput, result }: { nowInput: string; result: ActionResult | undefined }) {
  const { t } = useI18n();
  return (
    <Panel
      icon={<PauseCircle className="size-4" aria-hidden />}
      title={t("memberAdmin.suspend.title")}
      description={t("memberAdmin.suspend.description")}
    >
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="suspend" />
        <TextField
          id="suspend-reason"
          name="reason"
          label={t("memberAdmin.suspend.reason")}
          placeholder={t("memberAdmin.suspend.reasonPlaceholder")}
          defaultValue={result?.values?.reason}
          error={result?.fieldErrors?.reason}
          maxLength={REASON_MAX_LENGTH}
          multiline
        />
        <TextField
          id="suspend-until"
          name="until"
          type="datetime-local"
          min={nowInput}
          label={t("memberAdmin.suspend.until")}
          hint={t("memberAdmin.suspend.untilHint")}
          defaultValue={result?.values?.until}
          error={result?.fieldErrors?.until}
        />
        <SubmitButton variant="secondary">
          <PauseCircle className="size-4" aria-hidden />
          {t("memberAdmin.suspend.submit")}
        </SubmitButton>
      </Form>
    </Panel>
  );
}

function TerminatePanel({ result }: { result: ActionResult | undefined }) {
  const { t } = useI18n();
  return (
    <Panel
      tone="danger"
      icon={<Ban className="size-4 text-red-600" aria-hidden />}
      title={t("memberAdmin.terminate.title")}
      description={t("memberAdmin.terminate.description")}
    >
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="terminate" />
        <TextField
          id="terminate-reason"
          name="reason"
          label={t("memberAdmin.terminate.reason")}
          defaultValue={result?.values?.reason}
          error={result?.fieldErrors?.reason}
          maxLength={REASON_MAX_LENGTH}
          multiline
        />
        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              aria-invalid={result?.fieldErrors?.confirm ? true : undefined}
              className="mt-0.5 size-4 shrink-0 accent-red-600"
            />
            {t("memberAdmin.terminate.confirm")}
          </label>
          {result?.fieldErrors?.confirm ? (
            <p className="text-sm text-red-700">{t(result.fieldErrors.confirm)}</p>
          ) : null}
        </div>
        <SubmitButton danger>
          <Ban className="size-4" aria-hidden />
          {t("memberAdmin.terminate.submit")}
        </SubmitButton>
      </Form>
    </Panel>
  );
}
