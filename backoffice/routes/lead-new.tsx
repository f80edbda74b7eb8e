import { randomUUID } from "node:crypto";
import { ArrowLeft, Building2, FileText, Plus, UserRound, UserRoundCheck } from "lucide-react";
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
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { DICTIONARIES, type MessageKey, type Translate } from "#app/lib/i18n/translate.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { submitLead } from "#app/modules/leads/lead-intake.server.ts";
import { assignableOwners, leadViewer } from "#app/modules/leads/lead-queries.server.ts";
import { parseLeadSubmission } from "#app/modules/leads/lead-submission.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";

// Staff enter a lead by hand (a phone call, a business card): the same intake service as the web
// forms, with the owner chosen here instead of by the token rules.

const CONTACT = ["name", "title", "email", "mobile", "phone", "fax"] as const;
const COMPANY = ["name", "province", "city", "address", "phone", "fax"] as const;
const TEXT_FIELDS = [...CONTACT.map((f) => `contact.${f}`), ...COMPANY.map((f) => `company.${f}`), "requirement"];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "leads", "add");
  const owners = await assignableOwners(db, leadViewer(principal, "add"));
  return { owners, me: principal.staff.id, submissionId: randomUUID() };
}

type Values = Record<string, string>;
type ActionResult = { errors: Record<string, string[]>; values: Values; submissionId: string };

const SubmissionIdSchema = z.string().uuid();

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "leads", "add");
  const form = await request.formData();
  const values: Values = {};
  for (const name of [...TEXT_FIELDS, "ownerStaffId"]) {
    const v = form.get(name);
    values[name] = typeof v === "string" ? v.trim() : "";
  }
  const input = {
    contact: Object.fromEntries(CONTACT.map((f) => [f, values[`contact.${f}`]])),
    company: Object.fromEntries(COMPANY.map((f) => [f, values[`company.${f}`]])),
    requirement: values.requirement,
  };
  // A fresh id per rendered form: a double click or a resubmitted POST replays the first lead.
  const rawSubmission = form.get("submissionId");
  const submissionId = SubmissionIdSchema.safeParse(rawSubmission).success ? String(rawSubmission) : randomUUID();

  const owners = await assignableOwners(db, leadViewer(principal, "add"));
  const ownerId = Number(values.ownerStaffId || principal.staff.id);
  const ownerOk = owners.some((o) => o.id === ownerId);

  if (!ownerOk) {
    const parsed = parseLeadSubmission(input);
    const errors = parsed.success ? {} : parsed.errors;
    errors.ownerStaffId = ["leads.error.ownerNotFound"];
    return data<ActionResult>({ errors, values, submissionId }, { status: 422 });
  }

  const result = await submitLead(db, input, {
    categoryId: null,
    source: "staff",
    idempotencyKey: `staff-form:${principal.staff.id}:${submissionId}`,
    actorStaffId: principal.staff.id,
    ownerStaffId: ownerId,
    submitterIp: clientIp(context),
    userAgent: userAgent(request),
  });
  if (result.status === "invalid") {
    return data<ActionResult>({ errors: result.errors, values, submissionId }, { status: 422 });
  }
  return redirect(`/crm/leads/${result.lead.id}?created=1`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "leadInbox.create.title");

/** Error keys come from the shared submission schema; unknown ones fall back to a generic text. */
function errorText(key: string, t: Translate): string {
  return key in DICTIONARIES["zh-CN"] ? t(key as MessageKey) : t("leads.error.invalid");
}

const INPUT =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none aria-[invalid]:border-red-400";

export default function NewLeadPage() {
  const { owners, me, submissionId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const ruleBroken = [...(errors.contact ?? []), ...(errors.company ?? [])].includes("leads.error.contactOrCompany");

  const field = (
    name: string,
    label: string,
    options: { type?: string; autoComplete?: string; hint?: string } = {},
  ) => {
    // The 联系人@单位 rule is reported on "contact"/"company"; show it beside the name inputs.
    // The banner carries the full sentence; beside the name fields a short reminder is enough.
    const own = errors[name] ?? [];
    const list =
      ruleBroken && (name === "contact.name" || name === "company.name")
        ? [...own, "leadInbox.create.contactOrCompanyShort"]
        : own;
    return (
      <Field
        key={name}
        id={`f-${name}`}
        label={label}
        errors={[...new Set(list)].map((k) => errorText(k, t))}
        hint={options.hint}
      >
        <input
          id={`f-${name}`}
          name={name}
          type={options.type ?? "text"}
          autoComplete={options.autoComplete ?? "off"}
          defaultValue={values[name] ?? ""}
          aria-invalid={list.length > 0 ? true : undefined}
          aria-describedby={list.length > 0 ? `f-${name}-error` : undefined}
          className={INPUT}
        />
      </Field>
    );
  };

  const formErrors = Object.entries(errors).filter(
    ([k]) => !TEXT_FIELDS.includes(k) && !["ownerStaffId", "owner", "contact", "company"].includes(k),
  );
  // The intake service reports an unusable owner as "owner"; the form's field is ownerStaffId.
  const ownerErrors = [...new Set([...(errors.ownerStaffId ?? []), ...(errors.owner ?? [])])];

  return (
    <div className="space-y-6">
      <Link to="/crm/leads" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        {t("leadInbox.detail.back")}
      </Link>
      <PageHeader
        title={t("leadInbox.create.title")}
        description={t("leadInbox.create.description")}
        icon={<Plus className="size-6" aria-hidden />}
      />

      {Object.keys(errors).length > 0 ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>{ruleBroken ? t("leads.error.contactOrCompany") : t("leadInbox.create.fixErrors")}</p>
          {formErrors.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {formErrors.flatMap(([k, list]) => list.map((e) => <li key={`${k}-${e}`}>{errorText(e, t)}</li>))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <Form method="post" noValidate className="space-y-6">
        <input type="hidden" name="submissionId" value={result?.submissionId ?? submissionId} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader
              title={t("leadInbox.detail.contact.title")}
              description={t("leadInbox.create.contactHint")}
              icon={<UserRound className="size-4" aria-hidden />}
            />
            <CardBody className="grid gap-4 sm:grid-cols-2">
              {field("contact.name", t("leadInbox.detail.contact.name"), { autoComplete: "name" })}
              {field("contact.title", t("leadInbox.create.contactTitle"))}
              {field("contact.email", t("leadInbox.detail.contact.email"), { type: "email", autoComplete: "email" })}
              {field("contact.mobile", t("leadInbox.detail.contact.mobile"), { type: "tel", autoComplete: "tel" })}
              {field("contact.phone", t("leadInbox.detail.contact.phone"), { type: "tel" })}
              {field("contact.fax", t("leadInbox.detail.contact.fax"), { type: "tel" })}
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={t("leadInbox.detail.company.title")}
              description={t("leadInbox.create.companyHint")}
              icon={<Building2 className="size-4" aria-hidden />}
            />
            <CardBody className="grid gap-4 sm:grid-cols-2">
              <div className="sm:col-span-2">{field("company.name", t("leadInbox.detail.company.name"))}</div>
              {field("company.province", t("leadInbox.create.province"))}
              {field("company.city", t("leadInbox.create.city"))}
              <div className="sm:col-span-2">{field("company.address", t("leadInbox.create.address"))}</div>
              {field("company.phone", t("leadInbox.detail.company.phone"), { type: "tel" })}
              {field("company.fax", t("leadInbox.detail.company.fax"), { type: "tel" })}
            </CardBody>
          </Card>
        </div>

        <Card>
          <CardHeader
            title={t("leadInbox.detail.requirement.title")}
            icon={<FileText className="size-4" aria-hidden />}
          />
          <CardBody>
            <Field
              id="f-requirement"
              label={t("leadInbox.create.requirement")}
              errors={(errors.requirement ?? []).map((k) => errorText(k, t))}
              hint={t("leadInbox.create.requirementHint")}
            >
              <textarea
                id="f-requirement"
                name="requirement"
                rows={5}
                defaultValue={values.requirement ?? ""}
                aria-invalid={errors.requirement ? true : undefined}
                aria-describedby={errors.requirement ? "f-requirement-error" : undefined}
                className={INPUT}
              />
            </Field>
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title={t("leadInbox.create.ownerTitle")}
            icon={<UserRoundCheck className="size-4" aria-hidden />}
          />
          <CardBody className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
            <div className="w-full sm:max-w-sm">
              <Field
                id="f-owner"
                label={t("leadInbox.create.owner")}
                errors={ownerErrors.map((k) => errorText(k, t))}
                hint={owners.length > 1 ? t("leadInbox.create.ownerHint") : t("leadInbox.create.ownerSelfHint")}
              >
                <select
                  id="f-owner"
                  name="ownerStaffId"
                  defaultValue={values.ownerStaffId || String(me)}
                  aria-invalid={ownerErrors.length > 0 ? true : undefined}
                  aria-describedby={ownerErrors.length > 0 ? "f-owner-error" : undefined}
                  className={INPUT}
                >
                  {owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.id === me ? t("leadInbox.create.ownerMe", { name: o.name }) : o.name}
                      {o.teamName ? ` · ${o.teamName}` : ""}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="flex gap-2">
              <ButtonLink to="/crm/leads" variant="secondary">
                {t("leadInbox.create.cancel")}
              </ButtonLink>
              <Button type="submit" disabled={busy}>
                {busy ? t("leadInbox.create.submitting") : t("leadInbox.create.submit")}
              </Button>
            </div>
          </CardBody>
        </Card>
      </Form>
    </div>
  );
}

function Field(props: { id: string; label: string; errors: string[]; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.children}
      {props.errors.length > 0 ? (
        <p id={`${props.id}-error`} className={cn("text-sm text-red-700")}>
          {props.errors.join(" ")}
        </p>
      ) : props.hint ? (
        <p className="text-xs text-slate-500">{props.hint}</p>
      ) : null}
    </div>
  );
}
