import {
  ArrowLeft,
  BookPlus,
  Building2,
  CheckCircle2,
  FileSignature,
  History,
  Lightbulb,
  Lock,
  MessageSquare,
  Package,
  Send,
  Star,
  User,
} from "lucide-react";
import { useState, type ReactNode } from "react";
import {
  data as routeData,
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
import type { ServicePriority, ServiceRequestStatus } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { deskViewer, getStaffRequest, serviceAssignees } from "#app/modules/service/service-queries.server.ts";
import { addStaffReply } from "#app/modules/service/service-replies.server.ts";
import { SERVICE_PRIORITIES, SERVICE_STATUSES, STAFF_TRANSITIONS } from "#app/modules/service/service-constants.ts";
import {
  assignRequests,
  changeStatus,
  publishRequest,
  setPriority,
  unpublishRequest,
} from "#app/modules/service/service-requests.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { RichTextEditor, RichTextView } from "#app/ui/rich-text-editor.tsx";
import {
  AttachmentInput,
  AttachmentList,
  PriorityLabel,
  ServiceStatusBadge,
  SlaBadge,
  type UploadErrorView,
} from "#app/ui/service-ui.tsx";

// One service request for staff: status actions, assignment, priority, the conversation with public
// replies and internal notes (visibly different), publishing with a solution, attachments, and the
// customer's 360° panel (company, contact, assets, contracts, earlier requests).

function idOf(params: Record<string, string | undefined>): number {
  const id = Number(params.requestId);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "service", "browse");
  const item = await getStaffRequest(db, deskViewer(principal), idOf(params));
  if (!item) throw routeData(null, { status: 404 });
  const canModify = can(principal, "service", "modify");
  return {
    item,
    assignees: canModify ? await serviceAssignees(db) : [],
    canModify,
    canKnowledge: can(principal, "knowledge", "add"),
    accept: ATTACHMENT_ACCEPT,
    now: new Date().toISOString(),
    done: new URL(request.url).searchParams.get("done"),
  };
}

export const meta = ({ matches, data }: MetaArgs) => {
  const item = (data as { item?: { number: string; subject: string } } | undefined)?.item;
  return item ? [{ title: `${item.number} ${item.subject}` }] : pageTitle(matches, "service.desk.title");
};

type ActionResult = { intent: string; errors: Record<string, string[]>; uploadErrors: UploadErrorView[] };

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const principal = await requirePermission(request, "service", "modify");
  const id = idOf(params);
  if (!(await getStaffRequest(db, deskViewer(principal, "modify"), id))) throw routeData(null, { status: 404 });
  const staff = { id: principal.staff.id, name: principal.staff.name };
  const form = await readUploadForm(request);
  // The submitter's value comes last in tree order (e.g. "unpublish" inside the publish form).
  const intent = String(form.getAll("intent").at(-1) ?? "");
  const back = (done: string) => redirect(`/crm/service/${id}?done=${done}`);
  const fail = (errors: Record<string, string[]>, uploadErrors: UploadErrorView[] = []): ActionResult => ({
    intent,
    errors,
    uploadErrors,
  });
  switch (intent) {
    case "reply":
    case "note": {
      const files = await storeFormFiles(form);
      if (!files.ok) return fail({}, files.errors);
      const then = String(form.get("thenStatus") ?? "");
      const result = await addStaffReply(
        db,
        staff,
        id,
        {
          body: form.get("body"),
          internal: intent === "note",
          thenStatus: (SERVICE_STATUSES as readonly string[]).includes(then) ? (then as ServiceRequestStatus) : null,
        },
        files.stored,
      );
      return result.ok ? back(intent === "note" ? "noted" : "replied") : fail(result.errors);
    }
    case "status": {
      const to = String(form.get("status") ?? "");
      if (!(SERVICE_STATUSES as readonly string[]).includes(to)) return fail({ status: ["service.error.transition"] });
      const result = await changeStatus(db, staff, id, to as ServiceRequestStatus);
      return result.ok ? back("saved") : fail(result.errors);
    }
    case "assign": {
      const result = await assignRequests(db, staff, [id], Number(form.get("assigneeId")));
      return result.ok ? back("saved") : fail(result.errors);
    }
    case "priority": {
      const result = await setPriority(db, staff, id, String(form.get("priority")) as ServicePriority);
      return result.ok ? back("saved") : fail(result.errors);
    }
    case "publish": {
      const result = await publishRequest(db, staff, id, String(form.get("solution") ?? ""));
      return result.ok ? back("published") : fail(result.errors);
    }
    case "unpublish": {
      const result = await unpublishRequest(db, staff, id);
      return result.ok ? back("unpublished") : fail(result.errors);
    }
  }
  throw routeData(null, { status: 400 });
}

const FLASH: Record<string, MessageKey> = {
  replied: "service.flash.replied",
  noted: "service.flash.noted",
  saved: "service.flash.saved",
  published: "service.flash.published",
  unpublished: "service.flash.unpublished",
};

const selectClass =
  "h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm focus:border-blue-500 focus:outline-none";

export default function ServiceRequestDetail() {
  const { item, assignees, canModify, canKnowledge, accept, now, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<"reply" | "note">(result?.intent === "note" ? "note" : "reply");
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const busy = navigation.state === "submitting";
  const err = (intent: string, field: string) =>
    result?.intent === intent && result.errors[field]?.[0] ? (
      <p className="mt-1 text-xs text-red-600">{t(result.errors[field][0] as MessageKey)}</p>
    ) : null;
  const transitions = STAFF_TRANSITIONS[item.status];

  return (
    <div className="space-y-6">
      <Link to="/crm/service" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("service.staff.back")}
      </Link>

      {done && FLASH[done] ? (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-600/20"
        >
          <CheckCircle2 aria-hidden className="size-4" />
          {t(FLASH[done])}
        </p>
      ) : null}

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-xs text-slate-500">{item.number}</span>
          <Badge tone="slate">{t(`service.kind.${item.kind}` as MessageKey)}</Badge>
          <ServiceStatusBadge status={item.status} />
          <PriorityLabel priority={item.priority} />
          <SlaBadge dueAt={item.dueAt} firstResponseAt={item.firstResponseAt} status={item.status} now={now} />
          {item.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{item.subject}</h1>
        <p className="text-sm text-slate-500">
          {t(`service.channel.${item.channel}` as MessageKey)} · {fmt.format(new Date(item.createdAt))}
          {item.zone ? ` · ${t("service.staff.zone")} ${item.zone.name}` : ""}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("service.detail.description")}</h2>
            <RichTextView html={item.descriptionHtml} />
            <AttachmentList items={item.attachments} hrefPrefix="/crm/files/" />
          </Card>

          <section aria-labelledby="thread" className="space-y-3">
            <h2 id="thread" className="text-base font-semibold text-slate-900">
              {t("service.detail.thread")}
            </h2>
            {item.replies.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">
                —
              </p>
            ) : (
              <ol className="space-y-3">
                {item.replies.map((r) => (
                  <li
                    key={r.id}
                    className={cn(
                      "rounded-xl border p-4",
                      r.internal
                        ? "border-dashed border-amber-300 bg-amber-50/70"
                        : r.authorType === "staff"
                          ? "border-blue-100 bg-blue-50/40"
                          : "border-slate-200 bg-white",
                    )}
                  >
                    <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                      {r.internal ? <Lock aria-hidden className="size-4 text-amber-700" /> : null}
                      <span className="font-medium text-slate-900">{r.authorName ?? "—"}</span>
                      {r.internal ? (
                        <Badge tone="amber">{t("service.staff.internalBadge")}</Badge>
                      ) : r.authorType === "member" ? (
                        <Badge tone="violet">{t("service.staff.requester")}</Badge>
                      ) : (
                        <Badge tone="blue">{t("service.staff.publicReply")}</Badge>
                      )}
                      <span className="ml-auto text-xs text-slate-400">{fmt.format(new Date(r.createdAt))}</span>
                    </div>
                    <RichTextView html={r.bodyHtml} />
                    <AttachmentList items={r.attachments} hrefPrefix="/crm/files/" />
                  </li>
                ))}
              </ol>
            )}
          </section>

          {canModify ? (
            <Card className={cn("p-5", mode === "note" && "border-amber-300 bg-amber-50/40")}>
              <div
                role="tablist"
                aria-label={t("service.detail.replyTitle")}
                className="mb-4 inline-flex rounded-lg bg-slate-100 p-1 text-sm"
              >
                {(["reply", "note"] as const).map((m) => (
                  <button
                    key={m}
                    type="button"
                    role="tab"
                    aria-selected={mode === m}
                    onClick={() => setMode(m)}
                    className={cn(
                      "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 font-medium",
                      mode === m
                        ? m === "note"
                          ? "bg-amber-100 text-amber-900 shadow-sm"
                          : "bg-white text-slate-900 shadow-sm"
                        : "text-slate-500",
                    )}
                  >
                    {m === "note" ? (
                      <Lock aria-hidden className="size-4" />
                    ) : (
                      <MessageSquare aria-hidden className="size-4" />
                    )}
                    {t(m === "note" ? "service.staff.internalNote" : "service.staff.publicReply")}
                  </button>
                ))}
              </div>
              <p className={cn("mb-3 text-xs", mode === "note" ? "text-amber-800" : "text-slate-500")}>
                {t(mode === "note" ? "service.staff.internalHint" : "service.staff.publicHint")}
              </p>
              <Form
                method="post"
                encType="multipart/form-data"
                className="space-y-4"
                key={`${mode}-${item.replies.length}`}
              >
                <input type="hidden" name="intent" value={mode} />
                <RichTextEditor
                  name="body"
                  label={t(mode === "note" ? "service.staff.internalNote" : "service.staff.publicReply")}
                  minRows={5}
                  invalid={result?.intent === mode && Boolean(result.errors.body)}
                />
                {err(mode, "body")}
                <AttachmentInput
                  id="staff-attachments"
                  accept={accept}
                  errors={result?.intent === mode ? result.uploadErrors : []}
                />
                <div className="flex flex-wrap items-center justify-end gap-3">
                  {transitions.length > 0 ? (
                    <label className="flex items-center gap-2 text-sm text-slate-600">
                      {t("service.staff.thenStatus")}
                      <select name="thenStatus" defaultValue="" className={selectClass}>
                        <option value="">{t("service.staff.keepStatus")}</option>
                        {transitions.map((s) => (
                          <option key={s} value={s}>
                            {t(`service.status.${s}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : null}
                  {err(mode, "thenStatus")}
                  <Button
                    type="submit"
                    disabled={busy}
                    className={mode === "note" ? "bg-amber-600 hover:bg-amber-700" : undefined}
                  >
                    {mode === "note" ? (
                      <Lock aria-hidden className="size-4" />
                    ) : (
                      <Send aria-hidden className="size-4" />
                    )}
                    {t(mode === "note" ? "service.staff.addNote" : "service.staff.send")}
                  </Button>
                </div>
              </Form>
            </Card>
          ) : null}

          {canModify && item.zone ? (
            <Card className="p-5">
              <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                <Lightbulb aria-hidden className="size-4 text-emerald-600" />
                {t("service.staff.publish")}
              </h2>
              <p className="mt-1 text-sm text-slate-500">
                {item.publishedAt
                  ? t("service.staff.publishedAt", { time: fmt.format(new Date(item.publishedAt)) })
                  : t("service.staff.publishLead")}
              </p>
              <Form
                method="post"
                className="mt-4 space-y-3"
                key={item.publishedAt ? String(item.publishedAt) : "draft"}
              >
                <input type="hidden" name="intent" value="publish" />
                <RichTextEditor
                  name="solution"
                  label={t("service.staff.solution")}
                  defaultValue={item.solutionHtml ?? ""}
                  minRows={4}
                />
                {err("publish", "solution")}
                <div className="flex flex-wrap justify-end gap-2">
                  {canKnowledge ? (
                    <ButtonLink to={`/crm/knowledge/new?fromRequest=${item.id}`} variant="ghost">
                      <BookPlus aria-hidden className="size-4" />
                      {t("service.staff.toKnowledge")}
                    </ButtonLink>
                  ) : null}
                  {item.publishedAt ? (
                    <Button type="submit" name="intent" value="unpublish" variant="secondary" disabled={busy}>
                      {t("service.staff.unpublish")}
                    </Button>
                  ) : null}
                  <Button type="submit" disabled={busy}>
                    {t(item.publishedAt ? "service.staff.updateSolution" : "service.staff.publishSubmit")}
                  </Button>
                </div>
              </Form>
            </Card>
          ) : null}

          <Card>
            <CardHeader icon={<History className="size-4" aria-hidden />} title={t("service.staff.history")} />
            <ol className="divide-y divide-slate-100 text-sm">
              {item.events.map((e) => (
                <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 px-5 py-2.5">
                  <span className="w-36 shrink-0 text-xs text-slate-400 tabular-nums">
                    {fmt.format(new Date(e.createdAt))}
                  </span>
                  <span className="font-medium text-slate-700">{e.actorName ?? t("service.event.system")}</span>
                  <span className="text-slate-600">
                    {eventText(
                      e,
                      t,
                      (id) =>
                        assignees.find((s) => s.id === id)?.name ??
                        (id === item.assignee?.id ? item.assignee.name : `#${id}`),
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <aside className="space-y-4">
          {canModify ? (
            <Card className="space-y-4 p-4">
              {transitions.length === 0 ? (
                <p className="text-xs text-slate-500">{t("service.staff.closedFinal")}</p>
              ) : (
                <Form method="post" className="space-y-1.5">
                  <input type="hidden" name="intent" value="status" />
                  <label htmlFor="status" className="block text-xs font-medium text-slate-500">
                    {t("service.staff.moveTo")}
                  </label>
                  <div className="flex gap-2">
                    <select
                      id="status"
                      name="status"
                      className={cn(selectClass, "flex-1")}

                      defaultValue={transitions[0] ?? ""}
                    >
                      {transitions.map((s) => (
                        <option key={s} value={s}>
                          {t(`service.status.${s}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                    <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                      {t("service.staff.save")}
                    </Button>
                  </div>
                  {err("status", "status")}
                </Form>
              )}
              <Form method="post" className="space-y-1.5">
                <input type="hidden" name="intent" value="assign" />
                <label htmlFor="assigneeId" className="block text-xs font-medium text-slate-500">
                  {t("service.staff.assignTo")}
                </label>
                <div className="flex gap-2">
                  <select
                    id="assigneeId"
                    name="assigneeId"
                    defaultValue={item.assignee?.id ?? ""}
                    className={cn(selectClass, "flex-1")}
                  >
                    <option value="" disabled>
                      {t("service.detail.unassigned")}
                    </option>
                    {assignees.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                    {t("service.staff.assign")}
                  </Button>
                </div>
                {err("assign", "assigneeId")}
              </Form>
              <Form method="post" className="space-y-1.5">
                <input type="hidden" name="intent" value="priority" />
                <label htmlFor="priority" className="block text-xs font-medium text-slate-500">
                  {t("service.staff.priority")}
                </label>
                <div className="flex gap-2">
                  <select
                    id="priority"
                    name="priority"
                    defaultValue={item.priority}
                    className={cn(selectClass, "flex-1")}
                  >
                    {SERVICE_PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`service.priority.${p}`)}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                    {t("service.staff.save")}
                  </Button>
                </div>
              </Form>
            </Card>
          ) : null}

          <Card className="p-4 text-sm">
            <dl className="space-y-2">
              <Fact label={t("service.staff.due")}>{item.dueAt ? fmt.format(new Date(item.dueAt)) : "—"}</Fact>
              <Fact label={t("service.staff.firstResponse")}>
                {item.firstResponseAt ? fmt.format(new Date(item.firstResponseAt)) : "—"}
              </Fact>
              <Fact label={t("service.staff.contract")}>
                {item.contract ? (
                  <Link to={`/crm/service-contracts/${item.contract.id}`} className="text-blue-700 hover:underline">
                    {item.contract.name} · {t(`service.mode.${item.contract.responseMode}`)} ·{" "}
                    {t(`service.time.${item.contract.responseTime}`)}
                  </Link>
                ) : (
                  t("service.staff.noContract")
                )}
              </Fact>
              <Fact label={t("service.staff.rating")}>
                {item.rating ? (
                  <span className="inline-flex items-center gap-1">
                    <Star aria-hidden className="size-3.5 fill-amber-400 text-amber-400" />
                    {item.rating}
                    {item.ratingComment ? <span className="text-slate-500">· {item.ratingComment}</span> : null}
                  </span>
                ) : (
                  t("service.staff.notRated")
                )}
              </Fact>
            </dl>
          </Card>

          <Card>
            <CardHeader icon={<Building2 className="size-4" aria-hidden />} title={t("service.staff.customer")} />
            <div className="space-y-4 p-4 text-sm">
              <PanelSection title={t("service.staff.company")}>
                <p className="font-medium text-slate-900">{item.company.name}</p>
                <p className="text-xs text-slate-500">
                  {[
                    item.company.number,
                    item.company.phone,
                    [item.company.province, item.company.city].filter(Boolean).join(" "),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </PanelSection>
              <PanelSection title={t("service.staff.contactPerson")} icon={<User className="size-3.5" aria-hidden />}>
                {item.contact ? (
                  <>
                    <p className="text-slate-800">
                      {item.contact.fullName}
                      {item.contact.title ? <span className="text-slate-500"> · {item.contact.title}</span> : null}
                    </p>
                    <p className="text-xs text-slate-500">
                      {[item.contact.mobile, item.contact.phone, item.contact.email].filter(Boolean).join(" · ")}
                    </p>
                  </>
                ) : item.member ? (
                  <p className="text-slate-800">
                    {item.member.nickname} <span className="text-xs text-slate-500">{item.member.email}</span>
                  </p>
                ) : (
                  <p className="text-slate-400">{t("service.staff.none")}</p>
                )}
              </PanelSection>
              <PanelSection title={t("service.staff.assets")} icon={<Package className="size-3.5" aria-hidden />}>
                {item.customer.assets.length === 0 ? (
                  <p className="text-slate-400">{t("service.staff.none")}</p>
                ) : (
                  <ul className="space-y-1">
                    {item.customer.assets.map((a) => (
                      <li key={a.id} className={cn(a.id === item.assetId && "rounded bg-blue-50 px-1.5 py-0.5")}>
                        <Link to={`/crm/assets/${a.id}`} className="text-slate-800 hover:text-blue-700">
                          {a.name}
                        </Link>
                        <span className="text-xs text-slate-500">
                          {a.serialNumber ? ` · ${a.serialNumber}` : ""}
                          {a.warrantyEnd ? ` · ${day.format(new Date(a.warrantyEnd))}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </PanelSection>
              <PanelSection
                title={t("service.staff.contracts")}
                icon={<FileSignature className="size-3.5" aria-hidden />}
              >
                {item.customer.contracts.length === 0 ? (
                  <p className="text-slate-400">{t("service.staff.none")}</p>
                ) : (
                  <ul className="space-y-1">
                    {item.customer.contracts.map((c) => (
                      <li key={c.id}>
                        <Link to={`/crm/service-contracts/${c.id}`} className="text-slate-800 hover:text-blue-700">
                          {c.name}
                        </Link>
                        <span className="text-xs text-slate-500">
                          {" "}
                          · {t(`service.mode.${c.responseMode}`)} · {day.format(new Date(c.endDate))}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </PanelSection>
              <PanelSection
                title={t("service.staff.otherRequests")}
                icon={<History className="size-3.5" aria-hidden />}
              >
                {item.customer.history.length === 0 ? (
                  <p className="text-slate-400">{t("service.staff.none")}</p>
                ) : (
                  <ul className="space-y-1.5">
                    {item.customer.history.map((h) => (
                      <li key={h.id} className="flex items-start justify-between gap-2">
                        <Link
                          to={`/crm/service/${h.id}`}
                          className="min-w-0 truncate text-slate-800 hover:text-blue-700"
                        >
                          {h.subject}
                        </Link>
                        <ServiceStatusBadge status={h.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </PanelSection>
            </div>
          </Card>
        </aside>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-800">{children}</dd>
    </div>
  );
}

function PanelSection({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 flex items-center gap-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

type Translate = ReturnType<typeof useI18n>["t"];

function eventText(e: { type: string; detail: unknown }, t: Translate, staffName: (id: number) => string): string {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const status = (v: unknown) =>
    typeof v === "string" && (SERVICE_STATUSES as readonly string[]).includes(v)
      ? t(`service.status.${v}` as MessageKey)
      : "";
  const priority = (v: unknown) =>
    typeof v === "string" && (SERVICE_PRIORITIES as readonly string[]).includes(v)
      ? t(`service.priority.${v}` as MessageKey)
      : "";
  switch (e.type) {
    case "status":
      return t("service.event.status", { from: status(d.from), to: status(d.to) });
    case "priority":
      return t("service.event.priority", { from: priority(d.from), to: priority(d.to) });
    case "assigned":
      return t("service.event.assigned", { name: typeof d.to === "number" ? staffName(d.to) : "" });
    case "rated":
      return t("service.event.rated", { rating: typeof d.rating === "number" ? d.rating : "" });
    case "created":
    case "reply":
    case "internal-note":
    case "member-reply":
    case "published":
    case "solution-updated":
    case "unpublished":
    case "reopened":
      return t(`service.event.${e.type}` as MessageKey);
    default:
      return e.type;
  }
}
