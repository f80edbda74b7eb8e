import {
  ArrowLeft,
  Building2,
  CheckCircle2,
  Clock,
  History,
  Lock,
  Mail,
  MapPin,
  Package,
  Phone,
  SearchX,
  Sparkles,
  UserRound,
  UserRoundCheck,
  Users,
} from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  isRouteErrorResponse,
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
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import {
  canAccessLead,
  getLeadDetail,
  leadViewer,
  markLeadSeen,
  type LeadEventView,
} from "#app/modules/leads/lead-queries.server.ts";
import { changeLeadStatus, nextLeadStatuses } from "#app/modules/leads/lead-status.server.ts";
import { claimLead } from "#app/modules/leads/lead-claim.server.ts";
import {
  distributeLeadByHand,
  recallLeadByHand,
  transferLeadByHand,
  type AssigneeRights,
  type ManualResult,
} from "#app/modules/leads/lead-distribution.server.ts";
import {
  editRightsFor,
  LeadEditForbiddenError,
  LeadNotFoundError,
  updateLeadGroup,
  type FieldGroup,
} from "#app/modules/leads/lead-edit-rights.server.ts";
import { identifyLead } from "#app/modules/leads/lead-identification.server.ts";
import { addNote, listNotes } from "#app/modules/notes/notes.server.ts";
import { completeTask, createTask, listTasks } from "#app/modules/tasks/tasks.server.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  contactAtCompany,
  LEAD_STATUSES,
  LeadStatusBadge,
  leadStatusLabel,
  RelativeTime,
  routedByLabel,
  sourceLabel,
  type LeadStatusName,
} from "#backoffice/components/lead-ui.tsx";
import {
  AssigneesCard,
  DistributeCard,
  EditGroup,
  IdentificationCard,
  NotesCard,
  TasksCard,
  TextField,
  type Errors,
} from "#backoffice/components/lead-work-ui.tsx";
import { formatDateTime } from "#emails/format.ts";

// One lead: who it is from, what they need, why it landed with its owner (routing history) and
// which existing contacts/companies it probably is. The owner opening it marks it seen.

const LeadIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

async function loadAccessibleLead(request: Request, rawId: string | undefined) {
  const principal = await requirePermission(request, "leads", "browse");
  const leadId = LeadIdSchema.safeParse(rawId);
  if (!leadId.success) throw data(null, { status: 404 });
  const lead = await getLeadDetail(db, leadId.data);
  if (!lead) throw data(null, { status: 404 });
  if (!canAccessLead(leadViewer(principal), lead)) throw data(null, { status: 403 });
  return { principal, lead };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { principal, lead: loaded } = await loadAccessibleLead(request, params.leadId);
  // The owner opening the lead marks it seen (a GET with a side effect, on purpose: that is what "seen" means).
  const isOwner = loaded.ownerId === principal.staff.id;
  const justSeen = isOwner && !loaded.ownerSeenAt ? await markLeadSeen(db, loaded.id, principal.staff.id) : false;
  const lead = justSeen ? { ...loaded, ownerSeenAt: new Date() } : loaded;

  // Owner-scope check only: an assignment alone does not move the status flow (lead-status.server.ts).
  const canModify = canAccessLead(leadViewer(principal, "modify"), { ownerId: lead.ownerId, owner: lead.owner });
  const mine = lead.assignments.find((a) => a.staffId === principal.staff.id) ?? null;
  const { rights, reason } = editRightsFor(principal, lead, mine);
  const canManage = reason === "owner" || reason === "manager";
  const canWork = canManage || reason === "assignee";
  const [notes, tasks, staff] = await Promise.all([
    listNotes(db, { leadId: lead.id }),
    listTasks(db, { leadId: lead.id }),
    canManage || canWork ? workStaff(lead.ownerId, lead.assignments) : Promise.resolve([]),
  ]);
  const flags = new URL(request.url).searchParams;
  const done = flags.get("done");
  return {
    lead,
    canModify,
    nextStatuses: canModify ? nextLeadStatuses(lead.status) : [],
    flash:
      flags.get("created") === "1" ? ("created" as const) : flags.get("updated") === "1" ? ("updated" as const) : null,
    done: done && (DONE_FLASH as Record<string, MessageKey>)[done] ? (done as DoneFlash) : null,
    work: {
      viewerId: principal.staff.id,
      rights,
      reason,
      canManage,
      canWork,
      canClaim: Boolean(mine && !mine.recalledAt && lead.claimedById === null),
      notes,
      tasks,
      staff,
    },
    now: Date.now(),
  };
}

/** Active staff to distribute / transfer to and to give tasks (the people on the lead first). */
async function workStaff(ownerId: number, assignments: Array<{ staffId: number }>) {
  const rows = await db.staff.findMany({
    where: { status: "active" },
    select: { id: true, name: true, title: true, team: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  const involved = new Set([ownerId, ...assignments.map((a) => a.staffId)]);
  return rows
    .map((s) => ({ id: s.id, name: s.name, title: s.title, teamName: s.team?.name ?? null }))
    .sort((a, b) => Number(involved.has(b.id)) - Number(involved.has(a.id)));
}

const DONE_FLASH = {
  claimed: "leadWork.flash.claimed",
  distributed: "leadWork.flash.distributed",
  recalled: "leadWork.flash.recalled",
  transferred: "leadWork.flash.transferred",
  saved: "leadWork.flash.saved",
  identified: "leadWork.flash.identified",
  noted: "leadWork.flash.noted",
  taskAdded: "leadWork.flash.taskAdded",
  taskDone: "leadWork.flash.taskDone",
  unchanged: "leadWork.flash.unchanged",
} as const satisfies Record<string, MessageKey>;
type DoneFlash = keyof typeof DONE_FLASH;

const StatusFormSchema = z.object({
  intent: z.literal("status"),
  from: z.enum(LEAD_STATUSES),
  to: z.enum(LEAD_STATUSES),
});

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);
const EDIT_INTENTS: Record<string, Exclude<FieldGroup, "status">> = {
  "edit-need": "need",
  "edit-contact": "contact",
  "edit-company": "company",
};

function doneRedirect(leadId: number, done: DoneFlash) {
  return redirect(`/crm/leads/${leadId}?done=${done}`);
}

/** A manual distribution form: ticked people, each with the rights ticked on their row. */
function assigneesFrom(form: FormData): AssigneeRights[] {
  const ids = [...new Set(form.getAll("assignee").map((v) => IdSchema.safeParse(v)))]
    .filter((r) => r.success)
    .map((r) => r.data);
  return [...new Set(ids)].map((staffId) => ({
    staffId,
    canEditNeed: form.get(`need:${staffId}`) === "on",
    canEditContact: form.get(`contact:${staffId}`) === "on",
    canEditCompany: form.get(`company:${staffId}`) === "on",
    canEditStatus: form.get(`status:${staffId}`) === "on",
  }));
}

function manualOutcome(result: ManualResult, leadId: number, done: DoneFlash, field: string) {
  switch (result.kind) {
    case "done":
      return doneRedirect(leadId, result.changed ? done : "unchanged");
    case "forbidden":
      throw data(null, { status: 403 });
    case "not-found":
      throw data(null, { status: 404 });
    case "invalid-staff":
      return data(
        {
          intent: done as string,
          fieldErrors: {
            [field]: result.staffIds.length ? "leadWork.error.staffUnavailable" : "leadWork.error.pickSomeone",
          } as Errors,
        },
        { status: 400 },
      );
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { principal, lead } = await loadAccessibleLead(request, params.leadId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const ipAddress = clientIp(context);
  const mine = lead.assignments.find((a) => a.staffId === principal.staff.id) ?? null;
  const { reason } = editRightsFor(principal, lead, mine);
  const canWork = reason === "owner" || reason === "manager" || reason === "assignee";

  try {
    switch (intent) {
      case "status":
        return await statusAction(form, lead.id, principal, ipAddress);
      case "claim": {
        const result = await claimLead(db, lead.id, principal.staff.id);
        if (result.kind === "claimed" || result.kind === "already-yours") return doneRedirect(lead.id, "claimed");
        if (result.kind === "not-found") throw data(null, { status: 404 });
        if (result.kind === "already-claimed") {
          return data({ intent, claimLost: result.by.name, fieldErrors: {} as Errors }, { status: 409 });
        }
        return data({ intent, claimNotAssignee: true, fieldErrors: {} as Errors }, { status: 403 });
      }
      case "distribute":
        return manualOutcome(
          await distributeLeadByHand(db, principal, lead.id, assigneesFrom(form)),
          lead.id,
          "distributed",
          "assignee",
        );
      case "recall": {
        const raw = form.get("staffId");
        const parsed = IdSchema.safeParse(raw);
        const from = raw === "all" ? ("all" as const) : parsed.success ? [parsed.data] : null;
        if (!from) return data({ error: "invalid" as const }, { status: 400 });
        return manualOutcome(await recallLeadByHand(db, principal, lead.id, from), lead.id, "recalled", "staffId");
      }
      case "transfer": {
        const to = IdSchema.safeParse(form.get("toStaffId"));
        if (!to.success) {
          return data(
            { intent, fieldErrors: { toStaffId: "leadWork.error.invalidChoice" } as Errors },
            { status: 400 },
          );
        }
        return manualOutcome(
          await transferLeadByHand(db, principal, lead.id, to.data),
          lead.id,
          "transferred",
          "toStaffId",
        );
      }
      case "edit-need":
      case "edit-contact":
      case "edit-company": {
        const group = EDIT_INTENTS[intent]!;
        const result = await updateLeadGroup(db, principal, lead.id, group, Object.fromEntries(form), { ipAddress });
        if (!result.ok) return data({ intent, fieldErrors: result.fieldErrors as Errors }, { status: 400 });
        return doneRedirect(lead.id, result.changed.length ? "saved" : "unchanged");
      }
      case "identify": {
        const result = await identifyLead(
          db,
          principal,
          lead.id,
          {
            identified: form.get("identified") === "on",
            identificationLabel: String(form.get("identificationLabel") ?? ""),
            demandStatus: String(form.get("demandStatus") ?? ""),
          },
          { ipAddress },
        );
        if (!result.ok) return data({ intent, fieldErrors: result.fieldErrors as Errors }, { status: 400 });
        return doneRedirect(lead.id, result.changed.length ? "identified" : "unchanged");
      }
      case "note": {
        if (!canWork) throw data(null, { status: 403 });
        const result = await addNote(db, {
          authorId: principal.staff.id,
          body: form.get("body"),
          target: { leadId: lead.id },
        });
        if (!result.ok) return data({ intent, fieldErrors: result.fieldErrors as Errors }, { status: 400 });
        return doneRedirect(lead.id, "noted");
      }
      case "task": {
        if (!canWork) throw data(null, { status: 403 });
        const result = await createTask(db, {
          createdById: principal.staff.id,
          title: form.get("title"),
          dueAt: form.get("dueAt"),
          assigneeId: form.get("assigneeId") || principal.staff.id,
          target: { leadId: lead.id },
        });
        if (!result.ok) return data({ intent, fieldErrors: result.fieldErrors as Errors }, { status: 400 });
        return doneRedirect(lead.id, "taskAdded");
      }
      case "task-done": {
        if (!canWork) throw data(null, { status: 403 });
        const taskId = IdSchema.safeParse(form.get("taskId"));
        if (!taskId.success) return data({ error: "invalid" as const }, { status: 400 });
        const changed = await completeTask(db, { taskId: taskId.data, target: { leadId: lead.id } });
        return doneRedirect(lead.id, changed ? "taskDone" : "unchanged");
      }
      default:
        return data({ error: "invalid" as const }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof LeadEditForbiddenError) throw data(null, { status: 403 });
    if (error instanceof LeadNotFoundError) throw data(null, { status: 404 });
    throw error;
  }
}

async function statusAction(
  form: FormData,
  leadId: number,
  principal: Awaited<ReturnType<typeof loadAccessibleLead>>["principal"],
  ipAddress: string | null,
) {
  const parsed = StatusFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: "invalid" as const }, { status: 400 });

  const result = await changeLeadStatus(db, {
    leadId,
    from: parsed.data.from,
    to: parsed.data.to,
    actor: leadViewer(principal, "modify"),
    ipAddress,
  });
  switch (result.kind) {
    case "changed":
      // Post/redirect/get: a reload does not resubmit.
      return redirect(`/crm/leads/${leadId}?updated=1`);
    case "forbidden":
      throw data(null, { status: 403 });
    case "not-found":
      throw data(null, { status: 404 });
    case "conflict":
      return data({ error: "conflict" as const, current: result.current }, { status: 409 });
    case "invalid-transition":
      return data({ error: "invalid" as const }, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "leadInbox.detail.metaTitle", { number: loaderData.lead.number })
    : pageTitle(matches, "leadInbox.title");

type LoaderData = Awaited<ReturnType<typeof loader>>;
type Lead = LoaderData["lead"];

/** What the action may hand back, in one shape for the page. */
interface ActionView {
  error?: "invalid" | "conflict";
  current?: LeadStatusName;
  intent?: string;
  fieldErrors?: Errors;
  claimLost?: string;
  claimNotAssignee?: boolean;
}

export default function LeadDetailPage() {
  const { lead, flash, done, work, canModify, nextStatuses, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionView | undefined;
  const { t, locale } = useI18n();
  const showStatus = canModify && nextStatuses.length > 0;
  const errorsFor = (intent: string): Errors | undefined =>
    actionData?.intent === intent ? actionData.fieldErrors : undefined;
  const editForm = (group: "need" | "contact" | "company", fields: Array<keyof Lead & string>, multiline = false) =>
    work.rights[group] ? (
      <EditGroup
        key={fields.map((f) => lead[f] ?? "").join("|")}
        group={group}
        open={actionData?.intent === `edit-${group}`}
      >
        {fields.map((field) => (
          <TextField
            key={field}
            name={field}
            label={t(`leadWork.field.${field}` as MessageKey)}
            defaultValue={lead[field] as string | null}
            error={errorsFor(`edit-${group}`)?.[field]}
            multiline={multiline}
          />
        ))}
      </EditGroup>
    ) : null;

  return (
    <div className="space-y-6">
      <Link to="/crm/leads" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        {t("leadInbox.detail.back")}
      </Link>

      <PageHeader
        eyebrow={<span className="font-mono">{lead.number}</span>}
        title={contactAtCompany(lead)}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <LeadStatusBadge status={lead.status} />
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {t("leadInbox.detail.owner", { name: lead.owner.name })}
            </span>
            <span className="inline-flex items-center gap-1">
              <Clock className="size-4 text-slate-400" aria-hidden />
              <RelativeTime value={lead.createdAt} now={now} />
            </span>
            {lead.claimedBy ? (
              <span className="inline-flex items-center gap-1 text-emerald-700">
                <UserRoundCheck className="size-4" aria-hidden />
                {t("leadWork.claim.by", { name: lead.claimedBy.name })}
              </span>
            ) : null}
          </span>
        }
        actions={
          <>
            {/* convert-action */}
            {work.rights.status ? (
              <ButtonLink to={`/crm/leads/${lead.id}/convert`}>
                {t(lead.status === "converted" ? "sales.convert.viewAction" : "sales.convert.action")}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      {done ? (
        <p
          role="status"
          className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t(DONE_FLASH[done])}
        </p>
      ) : null}
      {actionData?.claimLost || actionData?.claimNotAssignee ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {actionData.claimLost
            ? t("leadWork.claim.lost", { name: actionData.claimLost })
            : t("leadWork.claim.notAssignee")}
        </p>
      ) : null}

      {flash ? (
        <p
          role="status"
          className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          {flash === "created"
            ? t("leadInbox.detail.flash.created", { name: lead.owner.name })
            : t("leadInbox.detail.flash.updated", { status: leadStatusLabel(lead.status, t) })}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {actionData.error === "conflict" && actionData.current
            ? t("leadInbox.detail.status.conflict", { status: leadStatusLabel(actionData.current, t) })
            : t("leadInbox.detail.status.invalid")}
        </p>
      ) : null}

      {/* On phones the status actions come right after the header; on wide screens they top the side column. */}
      <div className="grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
        {showStatus ? (
          <div className="lg:col-start-3 lg:row-start-1">
            <StatusCard lead={lead} next={nextStatuses} />
          </div>
        ) : null}
        <div className="space-y-6 lg:col-span-2 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <AssigneesCard
            assignments={lead.assignments}
            claimedBy={lead.claimedBy}
            claimedAt={lead.claimedAt}
            now={now}
            viewerId={work.viewerId}
            canClaim={work.canClaim}
            canManage={work.canManage}
            myReason={work.reason}
            myRights={work.rights}
          />
          {work.canManage ? (
            <DistributeCard
              staff={work.staff}
              assignments={lead.assignments}
              ownerId={lead.ownerId}
              errors={errorsFor("distributed") ?? errorsFor("transferred") ?? errorsFor("transfer")}
            />
          ) : null}
          <div className="grid gap-6 md:grid-cols-2">
            <ContactCard
              lead={lead}
              edit={editForm("contact", [
                "contactName",
                "contactTitle",
                "contactEmail",
                "contactMobile",
                "contactPhone",
                "contactFax",
              ])}
            />
            <CompanyCard
              lead={lead}
              edit={editForm("company", [
                "companyName",
                "companyProvince",
                "companyCity",
                "companyAddress",
                "companyPhone",
                "companyFax",
              ])}
            />
          </div>
          <RequirementCard lead={lead} edit={editForm("need", ["requirement"], true)} />
          <NotesCard notes={work.notes} canWrite={work.canWork} now={now} errors={errorsFor("note")} />
          <HistoryCard events={lead.events} now={now} />
        </div>

        <div className={cn("space-y-6 lg:col-start-3", showStatus ? "lg:row-start-2" : "lg:row-span-2 lg:row-start-1")}>
          <IdentificationCard
            identified={lead.identified}
            label={lead.identificationLabel}
            demandStatus={lead.demandStatus}
            canEdit={work.rights.status}
            errors={errorsFor("identify")}
          />
          <TasksCard
            tasks={work.tasks}
            canWrite={work.canWork}
            assignable={work.staff}
            viewerId={work.viewerId}
            now={now}
            errors={errorsFor("task")}
          />
          <Card aria-label={t("leadInbox.detail.source.title")}>
            <CardHeader title={t("leadInbox.detail.source.title")} icon={<Sparkles className="size-4" aria-hidden />} />
            <CardBody>
              <dl className="space-y-3 text-sm">
                <Fact label={t("leadInbox.detail.source.category")}>
                  {lead.category ? lead.category.name : <Muted>{t("leadInbox.noCategory")}</Muted>}
                </Fact>
                <Fact label={t("leadInbox.detail.source.campaign")}>
                  {lead.campaign ? lead.campaign.name : <Muted>{t("leadInbox.detail.none")}</Muted>}
                </Fact>
                <Fact label={t("leadInbox.detail.source.channel")}>{sourceLabel(lead.source, t)}</Fact>
                <Fact label={t("leadInbox.detail.source.routedBy")}>
                  {routedByLabel(lead.routedBy, t)}
                  {lead.tokenGroupName ? (
                    <span className="text-slate-500">
                      {" · "}
                      {lead.routedPosition !== null
                        ? t("leadInbox.detail.source.groupPosition", {
                            group: lead.tokenGroupName,
                            position: lead.routedPosition + 1,
                          })
                        : lead.tokenGroupName}
                    </span>
                  ) : null}
                </Fact>
                <Fact label={t("leadInbox.detail.source.member")}>
                  {lead.member ? (
                    <Link to={`/crm/members/${lead.member.id}`} className="text-blue-700 hover:underline">
                      {lead.member.nickname}
                    </Link>
                  ) : (
                    <Muted>{t("leadInbox.detail.source.noMember")}</Muted>
                  )}
                </Fact>
                <Fact label={t("leadInbox.detail.source.ip")}>
                  {lead.submitterIp ? (
                    <span className="font-mono text-[13px]">{lead.submitterIp}</span>
                  ) : (
                    <Muted>—</Muted>
                  )}
                </Fact>
                {lead.userAgent ? (
                  <Fact label={t("leadInbox.detail.source.userAgent")}>
                    <span className="block truncate text-xs text-slate-500" title={lead.userAgent}>
                      {lead.userAgent}
                    </span>
                  </Fact>
                ) : null}
                <Fact label={t("leadInbox.detail.source.created")}>
                  {formatDateTime(new Date(lead.createdAt), locale)}
                </Fact>
                <Fact label={t("leadInbox.detail.source.seen")}>
                  {lead.ownerSeenAt ? (
                    formatDateTime(new Date(lead.ownerSeenAt), locale)
                  ) : (
                    <Muted>{t("leadInbox.detail.source.notSeen")}</Muted>
                  )}
                </Fact>
              </dl>
            </CardBody>
          </Card>
          <MatchesCard lead={lead} />
        </div>
      </div>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-400">{children}</span>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}

function ContactCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  const has = lead.contactName || lead.contactEmail || lead.contactPhone || lead.contactMobile;
  return (
    <Card>
      <CardHeader title={t("leadInbox.detail.contact.title")} icon={<UserRound className="size-4" aria-hidden />} />
      <CardBody>
        {has ? (
          <dl className="space-y-3 text-sm">
            <Fact label={t("leadInbox.detail.contact.name")}>
              {lead.contactName ?? <Muted>—</Muted>}
              {lead.contactTitle ? <span className="text-slate-500"> · {lead.contactTitle}</span> : null}
            </Fact>
            {lead.contactEmail ? (
              <Fact label={t("leadInbox.detail.contact.email")}>
                <a
                  href={`mailto:${lead.contactEmail}`}
                  className="inline-flex items-center gap-1 break-all text-blue-700 hover:underline"
                >
                  <Mail className="size-3.5 shrink-0" aria-hidden />
                  {lead.contactEmail}
                </a>
              </Fact>
            ) : null}
            {lead.contactMobile ? (
              <Fact label={t("leadInbox.detail.contact.mobile")}>
                <PhoneLink value={lead.contactMobile} />
              </Fact>
            ) : null}
            {lead.contactPhone ? (
              <Fact label={t("leadInbox.detail.contact.phone")}>
                <PhoneLink value={lead.contactPhone} />
              </Fact>
            ) : null}
            {lead.contactFax ? <Fact label={t("leadInbox.detail.contact.fax")}>{lead.contactFax}</Fact> : null}
          </dl>
        ) : (
          <p className="text-sm text-slate-400">{t("leadInbox.detail.contact.none")}</p>
        )}
        {edit ? <div className="mt-4">{edit}</div> : null}
      </CardBody>
    </Card>
  );
}

function PhoneLink({ value }: { value: string }) {
  return (
    <a
      href={`tel:${value.replace(/[^\d+]/g, "")}`}
      className="inline-flex items-center gap-1 text-blue-700 hover:underline"
    >
      <Phone className="size-3.5 shrink-0" aria-hidden />
      {value}
    </a>
  );
}

function CompanyCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  const place = [lead.companyProvince, lead.companyCity].filter(Boolean).join(" ");
  return (
    <Card>
      <CardHeader title={t("leadInbox.detail.company.title")} icon={<Building2 className="size-4" aria-hidden />} />
      <CardBody>
        {lead.companyName ? (
          <dl className="space-y-3 text-sm">
            <Fact label={t("leadInbox.detail.company.name")}>{lead.companyName}</Fact>
            {place || lead.companyAddress ? (
              <Fact label={t("leadInbox.detail.company.address")}>
                <span className="inline-flex items-start gap-1">
                  <MapPin className="mt-0.5 size-3.5 shrink-0 text-slate-400" aria-hidden />
                  {[place, lead.companyAddress].filter(Boolean).join(" ")}
                </span>
              </Fact>
            ) : null}
            {lead.companyPhone ? (
              <Fact label={t("leadInbox.detail.company.phone")}>
                <PhoneLink value={lead.companyPhone} />
              </Fact>
            ) : null}
            {lead.companyFax ? <Fact label={t("leadInbox.detail.company.fax")}>{lead.companyFax}</Fact> : null}
          </dl>
        ) : (
          <p className="text-sm text-slate-400">{t("leadInbox.detail.company.none")}</p>
        )}
        {edit ? <div className="mt-4">{edit}</div> : null}
      </CardBody>
    </Card>
  );
}

function RequirementCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader title={t("leadInbox.detail.requirement.title")} icon={<Package className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {lead.requirement ? (
          <p className="text-[15px] leading-7 whitespace-pre-wrap text-slate-800">{lead.requirement}</p>
        ) : (
          <p className="text-sm text-slate-400">{t("leadInbox.detail.requirement.none")}</p>
        )}
        {lead.items.length > 0 ? (
          <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("leadInbox.detail.items.caption")}</caption>
              <thead className="bg-slate-50 text-xs font-medium text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    {t("leadInbox.detail.items.sku")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    {t("leadInbox.detail.items.product")}
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    {t("leadInbox.detail.items.quantity")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {lead.items.map((item) => (
                  <tr key={item.id}>
                    <td className="px-4 py-2 font-mono text-[13px] text-slate-700">{item.sku}</td>
                    <td className="px-4 py-2 text-slate-900">{item.productName ?? <Muted>—</Muted>}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{item.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {edit}
      </CardBody>
    </Card>
  );
}

function StatusCard({ lead, next }: { lead: Lead; next: readonly LeadStatusName[] }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <Card>
      <CardHeader
        title={t("leadInbox.detail.status.title")}
        description={t("leadInbox.detail.status.current", { status: leadStatusLabel(lead.status, t) })}
      />
      <CardBody>
        <Form method="post" className="flex flex-wrap gap-2">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="from" value={lead.status} />
          {next.map((status) => (
            <Button
              key={status}
              type="submit"
              name="to"
              value={status}
              disabled={busy}
              variant={status === "closed" ? "secondary" : "primary"}
              size="sm"
            >
              {t(STATUS_ACTION[status])}
            </Button>
          ))}
        </Form>
      </CardBody>
    </Card>
  );
}

const STATUS_ACTION: Record<LeadStatusName, MessageKey> = {
  new: "leadInbox.detail.status.to.new",
  assigned: "leadInbox.detail.status.to.assigned",
  contacted: "leadInbox.detail.status.to.contacted",
  qualified: "leadInbox.detail.status.to.qualified",
  converted: "leadInbox.detail.status.to.converted",
  closed: "leadInbox.detail.status.to.closed",
};

function MatchesCard({ lead }: { lead: Lead }) {
  const { t } = useI18n();
  return (
    <Card aria-label={t("leadInbox.detail.matches.title")}>
      <CardHeader
        title={t("leadInbox.detail.matches.title")}
        description={t("leadInbox.detail.matches.description")}
        icon={<Users className="size-4" aria-hidden />}
      />
      {lead.matches.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-400">{t("leadInbox.detail.matches.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {lead.matches.map((m) => (
            <li key={`${m.type}-${m.id}`} className="flex items-start gap-3 px-5 py-3 text-sm">
              <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
                {m.type === "contact" ? (
                  <UserRound className="size-3.5" aria-hidden />
                ) : (
                  <Building2 className="size-3.5" aria-hidden />
                )}
              </span>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {m.name}
                  {m.companyName ? <span className="font-normal text-slate-500"> @ {m.companyName}</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {t(m.type === "contact" ? "leads.match.contact" : "leads.match.company")} ·{" "}
                  <span className="font-mono">{m.number}</span>
                  {m.email ? ` · ${m.email}` : ""}
                  {m.phone ? ` · ${m.phone}` : ""}
                </p>
              </div>
              <span
                className="shrink-0 rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-700 tabular-nums"
                title={t("leadInbox.detail.matches.score")}
              >
                {Math.round(m.score * 100)}%
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

// ───────────────────────────── Routing history ─────────────────────────────

function str(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function staffName(event: LeadEventView, id: unknown, fallback: unknown): string {
  const byId = typeof id === "number" ? event.names.staff[String(id)] : undefined;
  return byId ?? (str(fallback) || "—");
}

/** One routing step of the intake (app/modules/leads/lead-routing.server.ts) as a sentence. */
function routingStep(step: Record<string, unknown>, event: LeadEventView, t: Translate): string | null {
  const name = staffName(event, step.staffId, step.name);
  const group = str(step.group) || event.names.tokenGroup || "—";
  const campaign = str(step.campaign) || "—";
  switch (step.code) {
    case "token-turn":
      return t("leads.routing.step.token-turn", {
        group,
        position: typeof step.position === "number" ? step.position + 1 : "—",
        name,
      });
    case "group-empty":
      return t("leads.routing.step.group-empty", { group });
    case "group-no-eligible":
      return t("leads.routing.step.group-no-eligible", { group });
    case "no-token-group":
      return t("leads.routing.step.no-token-group");
    case "campaign-owner":
      return t("leads.routing.step.campaign-owner", { campaign, name });
    case "campaign-owner-unavailable":
      return t("leads.routing.step.campaign-owner-unavailable", { campaign, name });
    case "no-campaign":
      return t("leads.routing.step.no-campaign");
    case "designated":
      return t("leads.routing.step.designated", { name });
    case "manual":
      return t("leads.routing.step.manual", { name });
    default:
      return null;
  }
}

const SKIP_REASONS = new Set(["member-inactive", "staff-away", "staff-inactive"]);

function eventLines(event: LeadEventView, t: Translate): { title: string; lines: string[] } {
  const d = event.detail;
  const lines: string[] = [];
  if (Array.isArray(d.steps)) {
    for (const step of d.steps) {
      if (step && typeof step === "object") {
        const line = routingStep(step as Record<string, unknown>, event, t);
        if (line) lines.push(line);
      }
    }
  }
  if (Array.isArray(d.skipped)) {
    for (const raw of d.skipped) {
      if (!raw || typeof raw !== "object") continue;
      const s = raw as Record<string, unknown>;
      const reason = str(s.reason);
      lines.push(
        t("leads.routing.skipped", {
          name: staffName(event, s.staffId, s.name),
          reason: SKIP_REASONS.has(reason) ? t(`leads.routing.skip.${reason}` as MessageKey) : reason,
        }),
      );
    }
  }

  const actor =
    event.actorType === "staff"
      ? (event.actorName ?? t("leadInbox.detail.history.someone"))
      : event.actorType === "member"
        ? t("leadInbox.detail.history.member")
        : event.actorType === "visitor"
          ? t("leadInbox.detail.history.visitor")
          : event.actorType === "api"
            ? t("leadInbox.detail.history.api")
            : t("leadInbox.detail.history.system");
  let title: string;
  if (event.type === "status_changed") {
    const label = (s: string) =>
      (LEAD_STATUSES as readonly string[]).includes(s) ? leadStatusLabel(s as LeadStatusName, t) : s;
    title = t("leadInbox.detail.history.statusChanged", { actor, from: label(str(d.from)), to: label(str(d.to)) });
  } else if (event.type === "routed" || Array.isArray(d.steps)) {
    title = t("leadInbox.detail.history.routedTo", { actor, name: staffName(event, d.ownerId, d.ownerName) });
  } else if (event.type === "created") {
    title = t("leadInbox.detail.history.created", { actor });
    if (typeof d.source === "string")
      lines.unshift(t("leadInbox.detail.history.via", { source: sourceLabel(d.source, t) }));
  } else if (WORK_EVENTS.has(event.type)) {
    title = workEventTitle(event, actor, lines, t);
  } else {
    title = t("leadInbox.detail.history.other", { actor, type: event.type });
  }
  return { title, lines };
}

const WORK_EVENTS = new Set(["distributed", "recalled", "transferred", "claimed", "edited", "identified"]);
const GROUP_FLAGS = [
  ["need", "canEditNeed"],
  ["contact", "canEditContact"],
  ["company", "canEditCompany"],
  ["status", "canEditStatus"],
] as const;

/** Distribution, claim and edit events (app/modules/leads/lead-distribution.server.ts and friends). */
function workEventTitle(event: LeadEventView, actor: string, lines: string[], t: Translate): string {
  const d = event.detail;
  const name = (id: unknown) => staffName(event, id, null);
  if (typeof d.ruleId === "number") lines.push(t("leadWork.history.byRule", { id: d.ruleId }));
  if (typeof d.batchId === "number") lines.push(t("leadWork.history.batch", { id: d.batchId }));
  if (d.statusTo === "new") lines.push(t("leadWork.history.backToNew"));
  switch (event.type) {
    case "distributed": {
      const assignees = Array.isArray(d.assignees) ? (d.assignees as Array<Record<string, unknown>>) : [];
      for (const a of assignees) {
        const groups = GROUP_FLAGS.filter(([, flag]) => a[flag] === true).map(([g]) => t(`leadWork.group.${g}`));
        lines.push(
          t("leadWork.history.rights", {
            name: name(a.staffId),
            groups: groups.length ? groups.join("、") : t("leadWork.rights.readOnly"),
          }),
        );
      }
      const names = assignees.map((a) => name(a.staffId)).join("、");
      return assignees.every((a) => a.change === "rights")
        ? t("leadWork.history.rightsChanged", { actor, names })
        : t("leadWork.history.distributed", { actor, names });
    }
    case "recalled": {
      if (d.claimClearedStaffId !== undefined) {
        lines.push(t("leadWork.history.claimCleared", { name: name(d.claimClearedStaffId) }));
      }
      const from = Array.isArray(d.fromStaffIds) ? d.fromStaffIds.map(name).join("、") : "—";
      return t("leadWork.history.recalled", { actor, names: from });
    }
    case "transferred":
      return t("leadWork.history.transferred", { actor, from: name(d.fromOwnerId), to: name(d.toOwnerId) });
    case "claimed":
      return t("leadWork.history.claimed", { actor });
    case "identified":
    case "edited": {
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === "string") : [];
      if (fields.length) {
        lines.push(
          t("leadWork.history.fields", {
            fields: fields
              .map((f) =>
                f === "identified" || f === "identificationLabel" || f === "demandStatus"
                  ? IDENT_KEYS[f]
                  : `leadWork.field.${f}`,
              )
              .map((k) => t(k as MessageKey))
              .join("、"),
          }),
        );
      }
      if (event.type === "identified") return t("leadWork.history.identified", { actor });
      const group = d.group === "need" || d.group === "contact" || d.group === "company" ? d.group : "need";
      return t("leadWork.history.edited", { actor, group: t(`leadWork.group.${group}`) });
    }
    default:
      return t("leadInbox.detail.history.other", { actor, type: event.type });
  }
}

const IDENT_KEYS = {
  identified: "leadWork.identify.identified",
  identificationLabel: "leadWork.identify.label",
  demandStatus: "leadWork.identify.demand",
} as const;

function HistoryCard({ events, now }: { events: LeadEventView[]; now: number }) {
  const { t } = useI18n();
  return (
    <Card aria-label={t("leadInbox.detail.history.title")}>
      <CardHeader title={t("leadInbox.detail.history.title")} icon={<History className="size-4" aria-hidden />} />
      {events.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-400">{t("leadInbox.detail.history.none")}</p>
      ) : (
        <ol className="px-5 py-4">
          {events.map((event, index) => {
            const { title, lines } = eventLines(event, t);
            const last = index === events.length - 1;
            return (
              <li key={event.id} className="relative flex gap-3 pb-5 last:pb-0">
                {!last ? <span aria-hidden className="absolute top-4 left-[7px] h-full w-px bg-slate-200" /> : null}
                <span
                  aria-hidden
                  className={cn(
                    "relative mt-1 size-[15px] shrink-0 rounded-full border-[3px] border-white ring-1",
                    event.type === "status_changed" ? "bg-amber-500 ring-amber-200" : "bg-blue-600 ring-blue-200",
                  )}
                />
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">{title}</p>
                  {lines.length > 0 ? (
                    <ul className="mt-1.5 space-y-1 text-sm text-slate-600">
                      {lines.map((line, i) => (
                        <li key={i} className="flex gap-2">
                          <span aria-hidden className="mt-2 size-1 shrink-0 rounded-full bg-slate-400" />
                          {line}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="mt-1 text-xs text-slate-400">
                    <RelativeTime value={event.createdAt} now={now} />
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** 403/404 render inside the back-office shell, so the navigation stays at hand. */
export function ErrorBoundary({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("leadInbox.detail.notFound.title"), t("leadInbox.detail.notFound.body")]
      : status === 403
        ? [t("leadInbox.detail.forbidden.title"), t("leadInbox.detail.forbidden.body")]
        : [t("error.generic.title"), t("error.generic.body")];
  return (
    <Card>
      <EmptyState
        icon={status === 403 ? <Lock aria-hidden className="size-5" /> : <SearchX aria-hidden className="size-5" />}
        eyebrow={status}
        title={title}
        description={body}
        titleAs="h1"
        className="py-20"
      >
        <ButtonLink to="/crm/leads" variant="secondary">
          <ArrowLeft aria-hidden className="size-4" />
          {t("leadInbox.detail.back")}
        </ButtonLink>
      </EmptyState>
    </Card>
  );
}
