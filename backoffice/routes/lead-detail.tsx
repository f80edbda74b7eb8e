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

  const canModify = canAccessLead(leadViewer(principal, "modify"), lead);
  const flags = new URL(request.url).searchParams;
  return {
    lead,
    canModify,
    nextStatuses: canModify ? nextLeadStatuses(lead.status) : [],
    flash:
      flags.get("created") === "1" ? ("created" as const) : flags.get("updated") === "1" ? ("updated" as const) : null,
    now: Date.now(),
  };
}

const StatusFormSchema = z.object({
  intent: z.literal("status"),
  from: z.enum(LEAD_STATUSES),
  to: z.enum(LEAD_STATUSES),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { principal, lead } = await loadAccessibleLead(request, params.leadId);
  const parsed = StatusFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "invalid" as const }, { status: 400 });

  const result = await changeLeadStatus(db, {
    leadId: lead.id,
    from: parsed.data.from,
    to: parsed.data.to,
    actor: leadViewer(principal, "modify"),
    ipAddress: clientIp(context),
  });
  switch (result.kind) {
    case "changed":
      // Post/redirect/get: a reload does not resubmit.
      return redirect(`/crm/leads/${lead.id}?updated=1`);
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

export default function LeadDetailPage() {
  const { lead, flash, canModify, nextStatuses, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const showStatus = canModify && nextStatuses.length > 0;

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
          </span>
        }
      />

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
          {actionData.error === "conflict"
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
          <div className="grid gap-6 md:grid-cols-2">
            <ContactCard lead={lead} />
            <CompanyCard lead={lead} />
          </div>
          <RequirementCard lead={lead} />
          <HistoryCard events={lead.events} now={now} />
        </div>

        <div className={cn("space-y-6 lg:col-start-3", showStatus ? "lg:row-start-2" : "lg:row-span-2 lg:row-start-1")}>
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

function ContactCard({ lead }: { lead: Lead }) {
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

function CompanyCard({ lead }: { lead: Lead }) {
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
      </CardBody>
    </Card>
  );
}

function RequirementCard({ lead }: { lead: Lead }) {
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
  } else {
    title = t("leadInbox.detail.history.other", { actor, type: event.type });
  }
  return { title, lines };
}

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
