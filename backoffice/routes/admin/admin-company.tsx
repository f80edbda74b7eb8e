import { Building2, CalendarDays, Clock, Globe2, ImageUp, Trash2 } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { formValues, parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { checkbox, IdParam } from "#app/lib/schemas.ts";
import { fail, invalid, notFound, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { listHolidays, removeHoliday, saveHoliday } from "#app/modules/settings/business-calendar.server.ts";
import {
  getCompanyProfile,
  saveCompanyProfile,
  setCompanyLogo,
  type CompanyProfileField,
} from "#app/modules/settings/company-profile.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import {
  CheckboxField,
  DateField,
  ErrorList,
  FailureNotice,
  fieldErrors,
  SubmitButton,
  TextField,
} from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 本公司 (/crm/admin/company): the company profile, its logo, the portal footer, time zone, business
// hours, and the holiday / 调休 calendar.

const PATH = "/crm/admin/company";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const [profile, holidays] = await Promise.all([getCompanyProfile(db), listHolidays(db)]);
  return {
    profile,
    holidays: holidays.map((h) => ({
      id: h.id,
      date: h.date.toISOString().slice(0, 10),
      name: h.name,
      workday: h.workday,
    })),
  };
}

const TEXT_FIELDS = [
  "legalName",
  "shortName",
  "taxId",
  "bankName",
  "bankAccount",
  "address",
  "phone",
  "email",
  "website",
  "portalHotline",
  "icpNumber",
  "portalAddress",
  "timeZone",
  "dayStart",
  "dayEnd",
] as const;

async function profile({ actor, form: formData }: PageIntentArgs) {
  const values = formValues(formData);
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, values[f] ?? ""]));
  const workdays = formData
    .getAll("workdays")
    .map((v) => Number(v))
    .filter((n) => Number.isInteger(n));
  const result = await saveCompanyProfile(db, actor, { ...text, workdays });
  if (result.status === "invalid") return fail({ ...result, form: "profile" as const });
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

async function logo({ actor, form: formData }: PageIntentArgs) {
  const stored = await storeFormFiles(formData, "logo");
  if (!stored.ok || stored.stored.length !== 1)
    return fail({ ...invalid({ logo: ["adminSystem.company.logoRejected" as MessageKey] }), form: "logo" as const });
  const result = await setCompanyLogo(db, actor, stored.stored[0]!);
  if (result.status === "invalid") return fail({ ...result, form: "logo" as const });
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

const HolidayForm = z.object({ date: z.string().default(""), name: z.string().default(""), workday: checkbox() });

async function holiday({ actor, form: formData }: PageIntentArgs) {
  const parsed = await parseForm(formData, HolidayForm);
  if (parsed.status !== "ok") return fail({ ...parsed, form: "holiday" as const });
  const result = await saveHoliday(db, actor, parsed.value);
  if (result.status === "invalid") return fail({ ...result, form: "holiday" as const });
  return respond(result, { successTo: `${PATH}#holidays`, flash: "flash.saved" });
}

async function holidayRemove({ actor, form: formData }: PageIntentArgs) {
  const id = IdParam.safeParse(formData.get("holidayId"));
  if (!id.success || !(await removeHoliday(db, actor, id.data))) return fail(notFound());
  return respond({ status: "ok", value: null }, { successTo: `${PATH}#holidays`, flash: "flash.deleted" });
}

export async function action(args: ActionFunctionArgs) {
  const intents = { profile, logo, holiday, "holiday-remove": holidayRemove };
  return runPageIntent(args, { module: "admin", action: "modify" }, intents, readUploadForm);
}

export const meta = titleMeta("adminSystem.company.title");

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export default function AdminCompanyPage() {
  const { profile: p, holidays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const form = result && "form" in result ? result.form : null;
  const errors = (name: "profile" | "logo" | "holiday") => (form === name ? fieldErrors(result) : {});
  const pe = errors("profile") as Partial<Record<CompanyProfileField, MessageKey[]>>;
  const text = (name: CompanyProfileField, label: MessageKey, extra: { type?: string; inputMode?: "tel" } = {}) => (
    <TextField
      name={name}
      label={t(label)}
      defaultValue={String(p[name] ?? "")}
      errors={pe[name]}
      optional={name !== "timeZone" && name !== "dayStart" && name !== "dayEnd"}
      {...extra}
    />
  );
  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin">{t("adminStaff.home.title")}</BackLink>
      <PageHeader
        title={t("adminSystem.company.title")}
        description={t("adminSystem.company.intro")}
        icon={<Building2 className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} refusalsOnly />
      <Form method="post" className="space-y-6">
        <Card>
          <CardHeader icon={<Building2 className="size-4" aria-hidden />} title={t("adminSystem.company.basics")} />
          <CardBody className="grid gap-4 md:grid-cols-2">
            {text("legalName", "adminSystem.company.legalName")}
            {text("shortName", "adminSystem.company.shortName")}
            {text("taxId", "adminSystem.company.taxId")}
            {text("phone", "adminSystem.company.phone", { type: "tel" })}
            {text("bankName", "adminSystem.company.bankName")}
            {text("bankAccount", "adminSystem.company.bankAccount")}
            {text("email", "adminSystem.company.email", { type: "email" })}
            {text("website", "adminSystem.company.website")}
            <div className="md:col-span-2">{text("address", "adminSystem.company.address")}</div>
          </CardBody>
        </Card>
        <Card>
          <CardHeader icon={<Globe2 className="size-4" aria-hidden />} title={t("adminSystem.company.portal")} />
          <CardBody className="grid gap-4 md:grid-cols-2">
            {text("portalHotline", "adminSystem.company.portalHotline", { type: "tel" })}
            {text("icpNumber", "adminSystem.company.icpNumber")}
            <div className="md:col-span-2">{text("portalAddress", "adminSystem.company.portalAddress")}</div>
          </CardBody>
        </Card>
        <Card>
          <CardHeader icon={<Clock className="size-4" aria-hidden />} title={t("adminSystem.company.hours")} />
          <CardBody className="grid gap-4 md:grid-cols-3">
            {text("timeZone", "adminSystem.company.timeZone")}
            {text("dayStart", "adminSystem.company.dayStart", { type: "time" })}
            {text("dayEnd", "adminSystem.company.dayEnd", { type: "time" })}
            <fieldset className="md:col-span-3">
              <legend className="text-sm font-medium text-slate-700">{t("adminSystem.company.workdays")}</legend>
              <div className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
                {WEEKDAYS.map((d) => (
                  <CheckboxField
                    key={d}
                    id={`workday-${d}`}
                    name="workdays"
                    value={String(d)}
                    label={t(`adminSystem.company.weekday.${d}`)}
                    defaultChecked={p.workdays.includes(d)}
                  />
                ))}
              </div>
              <ErrorList errors={pe.workdays} />
            </fieldset>
          </CardBody>
        </Card>
        <div className="flex justify-end">
          <SubmitButton intent="profile" pendingLabel={t("common.saving")}>
            {t("common.save")}
          </SubmitButton>
        </div>
      </Form>

      <Card>
        <CardHeader icon={<ImageUp className="size-4" aria-hidden />} title={t("adminSystem.company.logo")} />
        <CardBody className="flex flex-col gap-4 sm:flex-row sm:items-center">
          {p.logoAttachmentId ? (
            <img
              src={`${PATH}/logo?v=${p.logoAttachmentId}`}
              alt={t("adminSystem.company.logo")}
              className="h-16 w-auto max-w-48 rounded border border-slate-200 bg-white object-contain p-1"
            />
          ) : (
            <p className="text-sm text-slate-500">{t("adminSystem.company.logoNone")}</p>
          )}
          <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="logo" className="block text-sm font-medium text-slate-700">
                {t("adminSystem.company.logoUpload")}
              </label>
              <input
                id="logo"
                name="logo"
                type="file"
                accept=".png,.jpg,.jpeg,.gif,.webp"
                required
                aria-describedby="logo-error"
                className="mt-1 block text-sm"
              />
              <ErrorList id="logo-error" errors={errors("logo").logo} />
            </div>
            <SubmitButton intent="logo" size="sm" variant="secondary">
              {t("adminSystem.company.logoUpload")}
            </SubmitButton>
          </Form>
        </CardBody>
      </Card>

      <Card id="holidays">
        <CardHeader icon={<CalendarDays className="size-4" aria-hidden />} title={t("adminSystem.company.holidays")} />
        <CardBody className="space-y-4">
          {holidays.length === 0 ? (
            <p className="text-sm text-slate-500">{t("adminSystem.company.holidaysNone")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {holidays.map((h) => (
                <li key={h.id} className="flex items-center gap-3 py-2 text-sm">
                  <span className="w-28 font-mono tabular-nums">{h.date}</span>
                  <span className="flex-1">{h.name}</span>
                  <Badge tone={h.workday ? "amber" : "green"}>
                    {t(h.workday ? "adminSystem.company.holidayKind.workday" : "adminSystem.company.holidayKind.off")}
                  </Badge>
                  <Form method="post">
                    <input type="hidden" name="holidayId" value={h.id} />
                    <SubmitButton intent="holiday-remove" size="sm" variant="ghost" icon={Trash2}>
                      {t("common.delete")}
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <Form method="post" className="grid gap-3 sm:grid-cols-[10rem_1fr_auto_auto] sm:items-end">
            <DateField
              name="date"
              label={t("adminSystem.company.holidayDate")}
              errors={errors("holiday").date}
              required
            />
            <TextField
              name="name"
              label={t("adminSystem.company.holidayName")}
              errors={errors("holiday").name}
              maxLength={60}
              required
            />
            <CheckboxField name="workday" label={t("adminSystem.company.holidayWorkday")} />
            <SubmitButton intent="holiday" size="sm">
              {t("adminSystem.company.addHoliday")}
            </SubmitButton>
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin" backLabel="adminStaff.home.title" />;
}
