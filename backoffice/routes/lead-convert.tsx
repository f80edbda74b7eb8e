import { ArrowLeft, ArrowRightLeft, Building2, CheckCircle2, Lock, Package, Target, UserRound } from "lucide-react";
import { useState, type ReactNode } from "react";
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
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import { requireStaff } from "#app/modules/auth/staff-guard.server.ts";
import type { MatchCandidate } from "#app/modules/crm/record-suggestions.server.ts";
import {
  conversionLineItems,
  conversionPermission,
  conversionSuggestions,
  convertLead,
  sumLineItems,
} from "#app/modules/leads/lead-conversion.server.ts";
import { canAccessLead, leadViewer } from "#app/modules/leads/lead-queries.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { contactAtCompany } from "#backoffice/components/lead-ui.tsx";
import {
  evidenceLabel,
  Field,
  fieldError,
  formatMoney,
  inputClass,
  ItemsTable,
} from "#backoffice/components/sales-ui.tsx";

// 线索转换: before anything is created the page shows existing contacts/companies that probably are
// this lead, so the user links instead of duplicating; then one submit converts (one transaction).

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);

async function load(request: Request, rawId: string | undefined) {
  const principal = await requireStaff(request);
  const leadId = IdSchema.safeParse(rawId);
  if (!leadId.success) throw data(null, { status: 404 });
  const permission = await conversionPermission(db, principal, leadId.data);
  if (!permission) throw data(null, { status: 404 });
  return { principal, leadId: leadId.data, permission };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { principal, leadId, permission } = await load(request, params.leadId);
  const lead = await db.lead.findUniqueOrThrow({
    where: { id: leadId },
    include: {
      owner: { select: { id: true, name: true, teamId: true } },
      campaign: { select: { id: true, name: true } },
      opportunities: { select: { id: true, number: true, name: true }, orderBy: { id: "asc" } },
      convertedContact: { select: { id: true, fullName: true, number: true } },
      convertedCompany: { select: { id: true, name: true, number: true } },
    },
  });
  // Seeing the page needs either rights to convert or ordinary read access to the lead.
  if (!permission.allowed && !canAccessLead(leadViewer(principal), lead)) throw data(null, { status: 404 });

  const [suggestions, items, owners] = await Promise.all([
    conversionSuggestions(db, lead),
    conversionLineItems(db, lead.id),
    opportunityOwners(principal),
  ]);
  return {
    lead: {
      id: lead.id,
      number: lead.number,
      status: lead.status,
      contactName: lead.contactName,
      contactTitle: lead.contactTitle,
      contactEmail: lead.contactEmail,
      contactMobile: lead.contactMobile,
      contactPhone: lead.contactPhone,
      companyName: lead.companyName,
      companyProvince: lead.companyProvince,
      companyCity: lead.companyCity,
      companyAddress: lead.companyAddress,
      requirement: lead.requirement,
      owner: lead.owner,
      campaign: lead.campaign,
      convertedAt: lead.convertedAt,
      opportunities: lead.opportunities,
      convertedContact: lead.convertedContact,
      convertedCompany: lead.convertedCompany,
    },
    permission,
    suggestions,
    items,
    itemsTotal: sumLineItems(items),
    owners,
    me: principal.staff.id,
    can: {
      createContact: scopeFor(principal, "contacts", "add") !== null,
      createCompany: scopeFor(principal, "companies", "add") !== null,
      linkContact: scopeFor(principal, "contacts", "browse") !== null,
      linkCompany: scopeFor(principal, "companies", "browse") !== null,
    },
  };

  async function opportunityOwners(p: typeof principal) {
    const scope = scopeFor(p, "opportunities", "add");
    const where: Prisma.StaffWhereInput =
      scope === "all"
        ? { status: "active" }
        : scope === "team" && p.staff.teamId !== null
          ? { status: "active", teamId: p.staff.teamId }
          : { id: p.staff.id };
    return db.staff.findMany({
      where: { OR: [where, { id: p.staff.id }] },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
  }
}

/** "existing-12" | "create" | "skip" → the service's mode + id. */
function pick(value: FormDataEntryValue | undefined): { mode: string; id: string } {
  const v = typeof value === "string" ? value : "skip";
  const m = /^existing-(\d+)$/.exec(v);
  return m ? { mode: "link", id: m[1]! } : { mode: v, id: "" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { principal, leadId } = await load(request, params.leadId);
  const form = Object.fromEntries(await request.formData());
  const contact = pick(form.contactPick);
  const company = pick(form.companyPick);
  const result = await convertLead(
    db,
    principal,
    leadId,
    {
      ...form,
      contactMode: contact.mode,
      contactId: contact.id,
      companyMode: company.mode,
      companyId: company.id,
      createOpportunity: form.createOpportunity ?? "",
    },
    { ipAddress: clientIp(context) },
  );
  switch (result.kind) {
    case "converted":
    case "already-converted":
      return redirect(
        result.opportunityId
          ? `/crm/opportunities/${result.opportunityId}?converted=1`
          : `/crm/leads/${leadId}?converted=1`,
      );
    case "invalid":
      return data({ errors: result.errors }, { status: 400 });
    case "forbidden":
      throw data({ reason: result.reason }, { status: 403 });
    case "not-found":
      throw data(null, { status: 404 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "sales.convert.metaTitle", { number: loaderData.lead.number })
    : pageTitle(matches, "sales.convert.title");

export default function LeadConvertPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const { lead } = d;
  const errors = actionData?.errors;
  const [withOpportunity, setWithOpportunity] = useState(true);

  const back = (
    <Link
      to={`/crm/leads/${lead.id}`}
      className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900"
    >
      <ArrowLeft className="size-4" aria-hidden />
      {t("sales.convert.back")}
    </Link>
  );
  const header = (
    <PageHeader
      icon={<ArrowRightLeft className="size-6" aria-hidden />}
      eyebrow={<span className="font-mono">{lead.number}</span>}
      title={t("sales.convert.title")}
      description={t("sales.convert.description", { lead: contactAtCompany(lead) })}
    />
  );

  if (lead.convertedAt) {
    return (
      <div className="space-y-6">
        {back}
        {header}
        <Card>
          <EmptyState
            icon={<CheckCircle2 className="size-5" aria-hidden />}
            title={t("sales.convert.already")}
            description={t("sales.convert.alreadyHint")}
          >
            {lead.opportunities.map((o) => (
              <ButtonLink key={o.id} to={`/crm/opportunities/${o.id}`}>
                {t("sales.convert.openOpportunity", { name: o.name })}
              </ButtonLink>
            ))}
          </EmptyState>
          <CardBody className="border-t border-slate-100 text-sm text-slate-600">
            {lead.convertedCompany ? (
              <p>{t("sales.convert.linkedCompany", { name: lead.convertedCompany.name })}</p>
            ) : null}
            {lead.convertedContact ? (
              <p>{t("sales.convert.linkedContact", { name: lead.convertedContact.fullName })}</p>
            ) : null}
          </CardBody>
        </Card>
      </div>
    );
  }

  if (!d.permission.allowed) {
    return (
      <div className="space-y-6">
        {back}
        {header}
        <Card>
          <EmptyState
            icon={<Lock className="size-5" aria-hidden />}
            title={t("sales.convert.notAllowed")}
            description={t(
              d.permission.reason === "claimed-by-other"
                ? "sales.convert.reason.claimed"
                : d.permission.reason === "opportunities"
                  ? "sales.convert.reason.opportunities"
                  : "sales.convert.reason.lead",
            )}
          />
        </Card>
      </div>
    );
  }

  const topCompany = d.suggestions.companies[0];
  const topContact = d.suggestions.contacts[0];
  const defaultCompany =
    topCompany && topCompany.verdict === "same" && d.can.linkCompany
      ? `existing-${topCompany.id}`
      : lead.companyName && d.can.createCompany
        ? "create"
        : "skip";
  const defaultContact =
    topContact && topContact.verdict === "same" && d.can.linkContact
      ? `existing-${topContact.id}`
      : lead.contactName && d.can.createContact
        ? "create"
        : "skip";
  const defaultName = [lead.companyName ?? lead.contactName, d.items[0]?.name ?? t("sales.convert.defaultNeed")]
    .filter(Boolean)
    .join(" · ")
    .slice(0, 200);

  return (
    <div className="space-y-6">
      {back}
      {header}
      {errors?._ ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {fieldError(errors, "_", t)}
        </p>
      ) : null}

      <Form method="post" className="grid gap-6 lg:grid-cols-3" noValidate>
        <div className="space-y-6 lg:col-span-2">
          <ChoiceCard
            kind="company"
            title={t("sales.convert.companyTitle")}
            icon={<Building2 className="size-4" aria-hidden />}
            fromLead={
              lead.companyName
                ? [lead.companyName, [lead.companyProvince, lead.companyCity].filter(Boolean).join(" ")]
                    .filter(Boolean)
                    .join(" · ")
                : null
            }
            candidates={d.suggestions.companies}
            defaultValue={defaultCompany}
            canLink={d.can.linkCompany}
            canCreate={d.can.createCompany && Boolean(lead.companyName)}
            error={fieldError(errors, "companyId", t) ?? fieldError(errors, "companyMode", t)}
          />
          <ChoiceCard
            kind="contact"
            title={t("sales.convert.contactTitle")}
            icon={<UserRound className="size-4" aria-hidden />}
            fromLead={
              lead.contactName
                ? [lead.contactName, lead.contactTitle, lead.contactMobile ?? lead.contactPhone, lead.contactEmail]
                    .filter(Boolean)
                    .join(" · ")
                : null
            }
            candidates={d.suggestions.contacts}
            defaultValue={defaultContact}
            canLink={d.can.linkContact}
            canCreate={d.can.createContact && Boolean(lead.contactName)}
            error={fieldError(errors, "contactId", t) ?? fieldError(errors, "contactMode", t)}
          />
          <Card>
            <CardHeader
              title={t("sales.convert.itemsTitle")}
              description={t("sales.convert.itemsHint")}
              icon={<Package className="size-4" aria-hidden />}
            />
            {d.items.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-400">{t("sales.convert.noItems")}</p>
              </CardBody>
            ) : (
              <ItemsTable items={d.items} total={Number(d.itemsTotal)} />
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title={t("sales.convert.opportunityTitle")} icon={<Target className="size-4" aria-hidden />} />
            <CardBody className="space-y-3">
              <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <input
                  type="checkbox"
                  name="createOpportunity"
                  value="on"
                  checked={withOpportunity}
                  onChange={(e) => setWithOpportunity(e.currentTarget.checked)}
                  className="size-4 rounded border-slate-300"
                />
                {t("sales.convert.createOpportunity")}
              </label>
              <fieldset disabled={!withOpportunity} className="space-y-3 disabled:opacity-50">
                <Field
                  label={t("sales.opportunity.name")}
                  name="opportunityName"
                  error={fieldError(errors, "opportunityName", t)}
                >
                  <input
                    id="opportunityName"
                    name="opportunityName"
                    defaultValue={defaultName}
                    className={inputClass}
                    required
                  />
                </Field>
                <div className="grid grid-cols-2 gap-3">
                  <Field label={t("sales.opportunity.stage")} name="stage">
                    <select id="stage" name="stage" defaultValue="qualification" className={inputClass}>
                      {OPPORTUNITY_STAGES.map((s) => (
                        <option key={s} value={s}>
                          {t(`sales.stage.${s}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field
                    label={t("sales.opportunity.probability")}
                    name="probability"
                    error={fieldError(errors, "probability", t)}
                  >
                    <input
                      id="probability"
                      name="probability"
                      type="number"
                      min={0}
                      max={100}
                      defaultValue={20}
                      className={inputClass}
                    />
                  </Field>
                </div>
                <Field
                  label={t("sales.opportunity.amount")}
                  name="amount"
                  error={fieldError(errors, "amount", t)}
                  hint={
                    d.items.length > 0
                      ? t("sales.convert.amountHint", { amount: formatMoney(d.itemsTotal, locale) })
                      : undefined
                  }
                >
                  <input
                    id="amount"
                    name="amount"
                    defaultValue={d.items.length > 0 ? d.itemsTotal : ""}
                    inputMode="decimal"
                    className={inputClass}
                  />
                </Field>
                <Field
                  label={t("sales.opportunity.closeDate")}
                  name="expectedCloseDate"
                  error={fieldError(errors, "expectedCloseDate", t)}
                >
                  <input id="expectedCloseDate" name="expectedCloseDate" type="date" className={inputClass} />
                </Field>
                <Field label={t("sales.opportunity.owner")} name="ownerId" error={fieldError(errors, "ownerId", t)}>
                  <select id="ownerId" name="ownerId" defaultValue={d.me} className={inputClass}>
                    {d.owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </fieldset>
              {lead.campaign ? (
                <p className="text-xs text-slate-500">
                  {t("sales.convert.campaignLink", { name: lead.campaign.name })}
                </p>
              ) : null}
            </CardBody>
          </Card>
          <div className="rounded-xl border border-blue-100 bg-blue-50/60 p-4 text-sm text-blue-900">
            <p>{t("sales.convert.summary")}</p>
            <Button type="submit" className="mt-3 w-full" disabled={navigation.state === "submitting"}>
              <ArrowRightLeft className="size-4" aria-hidden />
              {t("sales.convert.submit")}
            </Button>
          </div>
        </div>
      </Form>
    </div>
  );
}

function ChoiceCard({
  kind,
  title,
  icon,
  fromLead,
  candidates,
  defaultValue,
  canLink,
  canCreate,
  error,
}: {
  kind: "company" | "contact";
  title: string;
  icon: ReactNode;
  fromLead: string | null;
  candidates: MatchCandidate[];
  defaultValue: string;
  canLink: boolean;
  canCreate: boolean;
  error: string | null;
}) {
  const { t } = useI18n();
  const name = kind === "company" ? "companyPick" : "contactPick";
  return (
    <Card>
      <CardHeader
        title={title}
        description={fromLead ? t("sales.convert.fromLead", { value: fromLead }) : t(`sales.convert.noData.${kind}`)}
        icon={icon}
      />
      <CardBody>
        <fieldset className="space-y-2">
          <legend className="sr-only">{title}</legend>
          {canLink && candidates.length > 0 ? (
            <p className="text-xs font-medium text-slate-500">{t("sales.convert.suggestions")}</p>
          ) : null}
          {canLink
            ? candidates.map((c) => (
                <Option key={c.id} name={name} value={`existing-${c.id}`} defaultValue={defaultValue}>
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">
                      {t(kind === "company" ? "sales.convert.linkCompany" : "sales.convert.linkContact", {
                        name: c.label,
                      })}
                    </span>
                    <Badge tone={c.verdict === "same" ? "green" : c.verdict === "possible" ? "amber" : "slate"}>
                      {kind === "company"
                        ? t(`sales.convert.verdict.${c.verdict}`)
                        : t(`matching.verdict.${c.verdict}`)}{" "}
                      · {Math.round(c.score * 100)}%
                    </Badge>
                  </span>
                  {c.sublabel ? <span className="block text-xs text-slate-500">{c.sublabel}</span> : null}
                  {c.evidence.length > 0 ? (
                    <span className="mt-1 flex flex-wrap gap-1">
                      {c.evidence.map((e) => (
                        <span
                          key={`${e.code}-${e.field}`}
                          className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600"
                        >
                          {evidenceLabel(e.code, t)}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </Option>
              ))
            : null}
          {canLink && candidates.length === 0 ? (
            <p className="text-sm text-slate-500">{t(`sales.convert.noMatches.${kind}`)}</p>
          ) : null}
          {canCreate ? (
            <Option name={name} value="create" defaultValue={defaultValue}>
              <span className="font-medium text-slate-900">
                {t(kind === "company" ? "sales.convert.createCompany" : "sales.convert.createContact")}
              </span>
            </Option>
          ) : null}
          <Option name={name} value="skip" defaultValue={defaultValue}>
            <span className="text-slate-700">
              {t(kind === "company" ? "sales.convert.skipCompany" : "sales.convert.skipContact")}
            </span>
          </Option>
          {error ? <p className="text-xs text-red-600">{error}</p> : null}
        </fieldset>
      </CardBody>
    </Card>
  );
}

function Option({
  name,
  value,
  defaultValue,
  children,
}: {
  name: string;
  value: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2.5 text-sm hover:bg-slate-50 has-[:checked]:border-blue-400 has-[:checked]:bg-blue-50/60">
      <input type="radio" name={name} value={value} defaultChecked={defaultValue === value} className="mt-0.5 size-4" />
      <span className="min-w-0 flex-1">{children}</span>
    </label>
  );
}
