import { FileSignature } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, parseForm, queryId } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { fail, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ContractCreateSchema, FromQuoteSchema } from "#app/modules/contracts/contract-form.ts";
import { createContractFromQuote } from "#app/modules/contracts/contract-from-quote.server.ts";
import { contractLookups } from "#app/modules/contracts/contract-lookups.server.ts";
import { contractNewPrefill } from "#app/modules/contracts/contract-options.server.ts";
import { createContract } from "#app/modules/contracts/contracts.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import {
  CheckboxField,
  FailureNotice,
  fieldErrors,
  SelectField,
  SubmitButton,
  submittedValues,
} from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ContractFields } from "#backoffice/components/contracts/contract-fields.tsx";

// 新建合同 (/crm/contracts/new): company (then its contacts and opportunities), a public template whose
// parts are copied into the document, and optionally the opportunity's items as the product list.
// `?company=` / `?opportunity=` prefill (from those pages); the pickers only list records in scope.

const POLICY = { module: "opportunities", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const params = new URL(request.url).searchParams;
  const [prefill, lookups] = await Promise.all([
    contractNewPrefill(db, actor, {
      companyId: queryId(params, "company"),
      opportunityId: queryId(params, "opportunity"),
    }),
    contractLookups(db, await getLocale(request)),
  ]);
  return { ...prefill, lookups };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  const meta = { ipAddress: clientIp(context) };
  const done = { successTo: (v: { id: number }) => `/crm/contracts/${v.id}`, flash: "flash.created" } as const;
  // "由报价单生成合同" (FromQuoteButton on an accepted quote) posts here too.
  if (formIntent(form) === "from-quote") {
    const parsed = await parseForm(form, FromQuoteSchema);
    if (parsed.status !== "ok") return fail(parsed);
    return respond(await createContractFromQuote(db, actor, parsed.value.quoteId, parsed.value, meta), done);
  }
  const parsed = await parseForm(form, ContractCreateSchema);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await createContract(db, actor, parsed.value, meta), done);
}

export const meta = titleMeta("contracts.new");

export default function ContractNewPage() {
  const { options, lookups, companyId, opportunityId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const typed = submittedValues(answer) ?? {};
  const errors = fieldErrors(answer);
  return (
    <div className="space-y-6">
      <BackLink to="/crm/contracts">{t("contracts.back")}</BackLink>
      <PageHeader
        title={t("contracts.new")}
        description={t("contracts.newDescription")}
        icon={<FileSignature className="size-6" aria-hidden />}
      />
      <Card>
        <CardBody>
          <Form method="post" className="space-y-6" noValidate>
            <FailureNotice result={answer} />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="companyId"
                label={t("contracts.field.company")}
                options={options.companies.map((c) => ({ value: String(c.id), label: c.name }))}
                placeholder=""
                defaultValue={typed.companyId ?? (companyId ? String(companyId) : "")}
                errors={errors.companyId}
              />
              <SelectField
                name="templateId"
                label={t("contracts.field.template")}
                options={options.templates.map((c) => ({ value: String(c.id), label: c.name }))}
                placeholder={t("contracts.field.templateNone")}
                defaultValue={typed.templateId ?? ""}
                errors={errors.templateId}
              />
            </div>
            <ContractFields
              values={{
                name: typed.name,
                typeCode: typed.typeCode,
                opportunityId: opportunityId ?? (typed.opportunityId ? Number(typed.opportunityId) : null),
              }}
              errors={errors}
              options={{
                type: lookups.type.options,
                settlement: lookups.settlement.options,
                delivery: lookups.delivery.options,
                contacts: options.contacts.map((c) => ({ value: String(c.id), label: c.fullName })),
                opportunities: options.opportunities.map((o) => ({
                  value: String(o.id),
                  label: `${o.number} ${o.name}`,
                })),
              }}
            />
            <CheckboxField
              name="fromOpportunity"
              label={t("contracts.field.fromOpportunity")}
              defaultChecked={opportunityId !== null}
            />
            <SubmitButton>{t("common.create")}</SubmitButton>
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}
