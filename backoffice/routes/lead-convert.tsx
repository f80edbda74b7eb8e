import { ArrowRightLeft, Building2, CheckCircle2, Lock, Package, UserRound } from "lucide-react";
import type { ReactNode } from "react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { convertLeadAs, getLeadConversionView } from "#app/modules/leads/record/lead-conversion-view.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { fieldErrors } from "#app/ui/form/action-result.ts";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import {
  ConversionChoiceCard,
  ConversionOpportunityCard,
} from "#backoffice/components/lead-detail/conversion-cards.tsx";
import { contactAtCompany } from "#backoffice/components/lead-ui.tsx";
import { LineItemsTable } from "#backoffice/components/line-items-table.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// 线索转换: before anything is created the page shows existing contacts/companies that probably are
// this lead, so the user links instead of duplicating; then one submit converts (one transaction).

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "leads", action: "browse" }, params.leadId, async (database, actor, id) => {
    const view = await getLeadConversionView(database, actor, id);
    return view && { ...view, me: actor.staffId };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "leads", action: "browse" });
  const leadId = requireIdParam(params.leadId);
  const form = Object.fromEntries(await request.formData());
  const result = await convertLeadAs(db, actor, leadId, form, { ipAddress: clientIp(context) });
  // The opportunity page says the lead was converted (?converted=1); without one, back to the lead.
  return respond(result, {
    successTo: ({ opportunityId }) =>
      opportunityId ? `/crm/opportunities/${opportunityId}?converted=1` : `/crm/leads/${leadId}?converted=1`,
  });
}

export const meta = recordMeta<typeof loader>("sales.convert.title", (d) => [
  "sales.convert.metaTitle",
  { number: d.lead.number },
]);

/** The radio a choice card starts on: a same-record suggestion, else create from the lead, else skip. */
function startingChoice(top: { id: number; verdict: string } | undefined, canLink: boolean, canCreate: boolean) {
  if (top && top.verdict === "same" && canLink) return `existing-${top.id}`;
  return canCreate ? "create" : "skip";
}

export default function LeadConvertPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const { lead } = d;
  const errors = fieldErrors(result);

  const frame = (body: ReactNode) => (
    <div className="space-y-6">
      <BackLink to={`/crm/leads/${lead.id}`}>{t("sales.convert.back")}</BackLink>
      <PageHeader
        icon={<ArrowRightLeft className="size-6" aria-hidden />}
        eyebrow={<span className="font-mono">{lead.number}</span>}
        title={t("sales.convert.title")}
        description={t("sales.convert.description", { lead: contactAtCompany(lead) })}
      />
      {body}
    </div>
  );

  if (lead.convertedAt) {
    return frame(
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
            <p>
              <Link to={`/crm/companies/${lead.convertedCompany.id}`} className="text-blue-700 hover:underline">
                {t("sales.convert.linkedCompany", { name: lead.convertedCompany.name })}
              </Link>
            </p>
          ) : null}
          {lead.convertedContact ? (
            <p>
              <Link to={`/crm/contacts/${lead.convertedContact.id}`} className="text-blue-700 hover:underline">
                {t("sales.convert.linkedContact", { name: lead.convertedContact.fullName })}
              </Link>
            </p>
          ) : null}
        </CardBody>
      </Card>,
    );
  }

  if (!d.permission.allowed) {
    const reason = d.permission.reason;
    return frame(
      <Card>
        <EmptyState
          icon={<Lock className="size-5" aria-hidden />}
          title={t("sales.convert.notAllowed")}
          description={t(
            reason === "claimed-by-other"
              ? "sales.convert.reason.claimed"
              : reason === "opportunities"
                ? "sales.convert.reason.opportunities"
                : "sales.convert.reason.lead",
          )}
        />
      </Card>,
    );
  }

  const canCreateCompany = d.can.createCompany && Boolean(lead.companyName);
  const canCreateContact = d.can.createContact && Boolean(lead.contactName);
  const defaultName = [lead.companyName ?? lead.contactName, d.items[0]?.name ?? t("sales.convert.defaultNeed")]
    .filter(Boolean)
    .join(" · ")
    .slice(0, 200);
  const place = [lead.companyProvince, lead.companyCity].filter(Boolean).join(" ");

  return frame(
    <>
      <FailureNotice result={result} />
      <Form method="post" className="grid gap-6 lg:grid-cols-3" noValidate>
        <div className="space-y-6 lg:col-span-2">
          <ConversionChoiceCard
            kind="company"
            title={t("sales.convert.companyTitle")}
            icon={<Building2 className="size-4" aria-hidden />}
            fromLead={lead.companyName ? [lead.companyName, place].filter(Boolean).join(" · ") : null}
            candidates={d.suggestions.companies}
            defaultValue={startingChoice(d.suggestions.companies[0], d.can.linkCompany, canCreateCompany)}
            canLink={d.can.linkCompany}
            canCreate={canCreateCompany}
            errors={errors.companyId ?? errors.companyMode}
          />
          <ConversionChoiceCard
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
            defaultValue={startingChoice(d.suggestions.contacts[0], d.can.linkContact, canCreateContact)}
            canLink={d.can.linkContact}
            canCreate={canCreateContact}
            errors={errors.contactId ?? errors.contactMode}
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
              <LineItemsTable caption={t("sales.opportunity.items")} items={d.items} sum={Number(d.itemsTotal)} />
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <ConversionOpportunityCard
            defaultName={defaultName}
            itemsTotal={d.itemsTotal}
            hasItems={d.items.length > 0}
            owners={d.owners}
            me={d.me}
            campaignName={lead.campaign?.name ?? null}
            errors={errors}
          />
          <div className="rounded-xl border border-blue-100 bg-blue-50/60 p-4 text-sm text-blue-900">
            <p>{t("sales.convert.summary")}</p>
            <SubmitButton className="mt-3 w-full">
              <ArrowRightLeft className="size-4" aria-hidden />
              {t("sales.convert.submit")}
            </SubmitButton>
          </div>
        </div>
      </Form>
    </>,
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/leads" backLabel="common.backToLeads" texts="leadInbox.detail" />;
}
