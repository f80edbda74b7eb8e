import { ArrowLeft, Building2, PhoneCall, Search } from "lucide-react";
import {
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
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { phoneEntryOptions, serviceAssignees } from "#app/modules/service/service-queries.server.ts";
import { SERVICE_KINDS, SERVICE_PRIORITIES } from "#app/modules/service/service-constants.ts";
import { createStaffRequest } from "#app/modules/service/service-requests.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { RichTextEditor } from "#app/ui/rich-text-editor.tsx";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";

// 电话录入: a CSR takes a call. Step 1 finds the company (by name, number, phone or a contact's name
// or phone); step 2 shows that company's contacts and assets only, so the request is associated
// correctly, and routes it automatically unless an assignee is chosen.

const QuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  company: z.coerce.number().int().positive().nullable().catch(null),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "service", action: "add" });
  const url = new URL(request.url);
  const query = QuerySchema.parse({
    q: url.searchParams.get("q") ?? "",
    company: url.searchParams.get("company") || null,
  });
  const [options, assignees] = await Promise.all([
    phoneEntryOptions(db, { q: query.q, companyId: query.company }),
    serviceAssignees(db),
  ]);
  return { ...options, assignees, accept: ATTACHMENT_ACCEPT };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "service.staffNew.title");

type ActionResult = {
  errors: Record<string, string[]>;
  uploadErrors: UploadErrorView[];
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const form = await readUploadForm(request);
  const values: Record<string, string> = {};
  for (const key of [
    "companyId",
    "contactId",
    "assetId",
    "assigneeId",
    "kind",
    "subject",
    "description",
    "priority",
    "channel",
  ]) {
    values[key] = String(form.get(key) ?? "");
  }
  const files = await storeFormFiles(form);
  if (!files.ok) return { errors: {}, uploadErrors: files.errors, values };
  const result = await createStaffRequest(
    db,
    { id: actor.staffId, name: actor.name },
    values,
    files.stored,
  );
  if (!result.ok) return { errors: result.errors, uploadErrors: [], values };
  return redirect(`/crm/service/${result.value.id}`);
}

const inputClass =
  "mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:ring-2 focus:ring-blue-600/20 focus:outline-none";

export default function ServiceRequestNew() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const errors = result?.errors ?? {};
  const v = result?.values;
  const fieldError = (field: string) =>
    errors[field]?.[0] ? <p className="mt-1 text-xs text-red-600">{t(errors[field][0] as MessageKey)}</p> : null;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link to="/crm/service" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("service.staff.back")}
      </Link>
      <PageHeader
        icon={<PhoneCall className="size-6" aria-hidden />}
        title={t("service.staffNew.title")}
        description={t("service.staffNew.lead")}
      />

      {!data.company ? (
        <Card className="p-5">
          <Form method="get" className="flex gap-2">
            <label className="flex-1">
              <span className="sr-only">{t("service.staffNew.search")}</span>
              <span className="relative block">
                <Search aria-hidden className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
                <input
                  name="q"
                  defaultValue={data.q}
                  placeholder={t("service.staffNew.search")}
                  aria-label={t("service.staffNew.search")}
                  className="block h-10 w-full rounded-lg border border-slate-300 pr-3 pl-9 text-sm focus:border-blue-500 focus:outline-none"
                />
              </span>
            </label>
            <Button type="submit">{t("service.staffNew.find")}</Button>
          </Form>
          {data.q ? (
            data.companies.length === 0 ? (
              <p className="mt-4 text-sm text-slate-500">{t("service.staffNew.noCompanies")}</p>
            ) : (
              <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
                {data.companies.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-3">
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">{c.name}</p>
                      <p className="text-xs text-slate-500">
                        {c.number}
                        {c.city ? ` · ${c.city}` : ""}
                      </p>
                    </div>
                    <div className="flex items-center gap-2">
                      {c.zone ? <Badge tone="blue">{t("service.staffNew.hasZone")}</Badge> : null}
                      <Link
                        to={`/crm/service/new?company=${c.id}`}
                        className="rounded-md px-3 py-1.5 text-sm font-medium text-blue-700 hover:bg-blue-50"
                      >
                        {t("service.staffNew.choose")}
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </Card>
      ) : (
        <Card className="p-6">
          <div className="mb-5 flex items-center justify-between gap-3 rounded-lg bg-slate-50 px-4 py-3">
            <div className="flex items-center gap-3">
              <Building2 aria-hidden className="size-5 text-slate-400" />
              <div>
                <p className="text-xs text-slate-500">{t("service.staffNew.company")}</p>
                <p className="font-medium text-slate-900">{data.company.name}</p>
              </div>
              {data.company.zone ? <Badge tone="blue">{data.company.zone.name}</Badge> : null}
            </div>
            <Link to="/crm/service/new" className="text-sm text-blue-700 hover:underline">
              {t("service.staffNew.change")}
            </Link>
          </div>
          <Form method="post" encType="multipart/form-data" className="space-y-5" noValidate>
            <input type="hidden" name="companyId" value={data.company.id} />
            {fieldError("companyId")}
            <div className="grid gap-5 sm:grid-cols-2">
              <div>
                <label htmlFor="contactId" className="block text-sm font-medium text-slate-700">
                  {t("service.field.contact")}
                </label>
                <select id="contactId" name="contactId" defaultValue={v?.contactId ?? ""} className={inputClass}>
                  <option value="">{t("service.field.contactNone")}</option>
                  {data.company.contacts.map((c) => (
                    <option key={c.id} value={c.id}>
                      {[c.fullName, c.title, c.mobile ?? c.phone].filter(Boolean).join(" · ")}
                    </option>
                  ))}
                </select>
                {fieldError("contactId")}
              </div>
              <div>
                <label htmlFor="assetId" className="block text-sm font-medium text-slate-700">
                  {t("service.field.asset")}
                </label>
                <select id="assetId" name="assetId" defaultValue={v?.assetId ?? ""} className={inputClass}>
                  <option value="">{t("service.field.assetNone")}</option>
                  {data.assets.map((a) => (
                    <option key={a.id} value={a.id}>
                      {[a.name, a.model, a.serialNumber].filter(Boolean).join(" · ")}
                    </option>
                  ))}
                </select>
                {fieldError("assetId")}
              </div>
              <div>
                <label htmlFor="kind" className="block text-sm font-medium text-slate-700">
                  {t("service.field.kind")}
                </label>
                <select id="kind" name="kind" defaultValue={v?.kind ?? "fault"} className={inputClass}>
                  {SERVICE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`service.kind.${k}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="grid grid-cols-2 gap-3">
                <div>
                  <label htmlFor="priority" className="block text-sm font-medium text-slate-700">
                    {t("service.field.priority")}
                  </label>
                  <select id="priority" name="priority" defaultValue={v?.priority ?? "normal"} className={inputClass}>
                    {SERVICE_PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`service.priority.${p}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor="channel" className="block text-sm font-medium text-slate-700">
                    {t("service.field.channel")}
                  </label>
                  <select id="channel" name="channel" defaultValue={v?.channel ?? "phone"} className={inputClass}>
                    {(["phone", "email", "staff"] as const).map((c) => (
                      <option key={c} value={c}>
                        {t(`service.channel.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </div>
            <div>
              <label htmlFor="subject" className="block text-sm font-medium text-slate-700">
                {t("service.field.subject")}
              </label>
              <input
                id="subject"
                name="subject"
                maxLength={200}
                defaultValue={v?.subject}
                className={cn(inputClass, errors.subject && "border-red-400")}
              />
              {fieldError("subject")}
            </div>
            <div>
              <span className="block text-sm font-medium text-slate-700">{t("service.field.description")}</span>
              <div className="mt-1.5">
                <RichTextEditor
                  name="description"
                  label={t("service.field.description")}
                  defaultValue={v?.description ?? ""}
                  invalid={Boolean(errors.description)}
                />
              </div>
              {fieldError("description")}
            </div>
            <div>
              <label htmlFor="assigneeId" className="block text-sm font-medium text-slate-700">
                {t("service.field.assignee")}
              </label>
              <select id="assigneeId" name="assigneeId" defaultValue={v?.assigneeId ?? ""} className={inputClass}>
                <option value="">{t("service.field.assigneeAuto")}</option>
                {data.assignees.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              {fieldError("assigneeId")}
            </div>
            <AttachmentInput id="attachments" accept={data.accept} errors={result?.uploadErrors} />
            <div className="flex justify-end border-t border-slate-100 pt-5">
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("service.staffNew.submit")}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </div>
  );
}
