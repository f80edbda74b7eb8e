import { FileDown, FileText, GitBranchPlus, Send } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { linkOptions } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { quoteIntents } from "#app/modules/quotes/quote-actions.server.ts";
import { isoDay } from "#app/modules/quotes/quote-dates.ts";
import { getQuoteDetail, quoteLibrary, quoteProductChoices } from "#app/modules/quotes/quote-read.server.ts";
import { companyOpportunityChoices } from "#app/modules/quotes/quote-choices.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, FormNotice, SubmitButton } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { QuoteLinesTable, QuoteStatusBadge } from "#app/ui/quotes/quote-parts.tsx";
import { ApprovalPanel } from "#app/ui/records/approval-panel.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { QuoteHeaderCard } from "#backoffice/components/quotes/quote-header-form.tsx";
import { AddLineCard, LineEditCell } from "#backoffice/components/quotes/quote-line-forms.tsx";
import {
  QuoteResponseCard,
  QuoteSendCard,
  QuoteVersionsCard,
} from "#backoffice/components/quotes/quote-side-cards.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { FromQuoteButton } from "#backoffice/components/contracts/from-quote-button.tsx";
import { CreateOrderButton } from "#backoffice/components/orders/create-order-button.tsx";
import { runRecordIntent } from "#backoffice/components/record-action.server.ts";

// One quote (/crm/quotes/:quoteId), the editor of seed §2.L.7's "same screen": header and terms with
// common clauses, the product list priced to the fen, totals, approval, PDF, e-mail and publishing to
// the zone, the customer's answer and the versions. Old versions and sent quotes are read-only.

const POLICY = { module: "opportunities", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const quote = await getQuoteDetail(db, actor, requireIdParam(params.quoteId));
  if (!quote) throw new Response(null, { status: 404 });
  const editing = quote.may.edit;
  const [links, opportunities, library, products] = await Promise.all([
    editing ? linkOptions(db, actor, { companyId: quote.company.id }) : null,
    editing ? companyOpportunityChoices(db, actor, quote.company.id) : [],
    editing ? quoteLibrary(db) : null,
    editing ? quoteProductChoices(db) : [],
  ]);
  return {
    quote,
    choices: {
      companies: (links?.companies ?? []).map((c) => ({ id: c.id, label: c.name })),
      contacts: (links?.contacts ?? []).map((c) => ({ id: c.id, label: c.fullName })),
      opportunities,
    },
    clauses: library?.clauses ?? [],
    products,
  };
}

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, POLICY, "quoteId", quoteIntents);
}

export const meta = recordMeta<typeof loader>("quotes.title", (d) => [
  "quotes.metaTitle",
  { number: d.quote.number, title: d.quote.title },
]);

export default function QuoteDetailPage() {
  const { quote: q, choices, clauses, products } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(answer);
  const stamp = q.stamp;
  return (
    <div className="space-y-6">
      <BackLink to="/crm/quotes">{t("quotes.title")}</BackLink>
      <PageHeader
        title={q.title}
        description={`${q.number} · ${t("quotes.versionLabel", { version: q.version })}`}
        icon={<FileText className="size-6" aria-hidden />}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <QuoteStatusBadge status={q.status} testId="quote-status" />
            <ButtonLink to={`/crm/quotes/${q.id}/pdf`} reloadDocument variant="secondary" icon={FileDown}>
              {t("quotes.action.pdf")}
            </ButtonLink>
            <Form method="post" className="flex gap-2">
              <input type="hidden" name="version" value={stamp} />
              {q.may.submit ? (
                <SubmitButton intent="submit" icon={Send}>
                  {t("quotes.action.submit")}
                </SubmitButton>
              ) : null}
              {q.may.revise ? (
                <SubmitButton intent="revise" variant="secondary" icon={GitBranchPlus}>
                  {t("quotes.action.revise")}
                </SubmitButton>
              ) : null}
            </Form>
            {q.status === "accepted" && !q.consumedAt ? <FromQuoteButton quoteId={q.id} /> : null}
            {q.status === "accepted" && !q.consumedAt ? <CreateOrderButton source="quote" sourceId={q.id} /> : null}
          </div>
        }
      />
      <FailureNotice result={answer} />
      {!q.may.edit ? <FormNotice tone="info">{t("quotes.readOnly")}</FormNotice> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title={t("quotes.lines.title")} />
            <QuoteLinesTable
              lines={q.lines}
              totals={q}
              currency={q.currency}
              editCell={q.may.edit ? (line) => <LineEditCell line={line} stamp={stamp} /> : undefined}
            />
          </Card>
          {q.may.edit ? <AddLineCard stamp={stamp} products={products} errors={errors} /> : null}
          {q.may.edit ? (
            <QuoteHeaderCard
              stamp={stamp}
              values={{
                ...q,
                companyId: q.company.id,
                contactId: q.contact?.id ?? null,
                opportunityId: q.opportunity?.id ?? null,
              }}
              choices={choices}
              clauses={clauses}
              errors={errors}
            />
          ) : (
            <Card>
              <CardHeader title={t("quotes.header.title")} />
              <div className="px-5 pb-5">
                <FactList
                  layout="grid"
                  facts={[
                    { label: t("quotes.field.company"), value: q.company.name },
                    { label: t("quotes.field.contact"), value: q.contact?.fullName },
                    { label: t("quotes.field.opportunity"), value: q.opportunity?.name },
                    { label: t("quotes.field.validUntil"), value: isoDay(new Date(q.validUntil)) },
                    { label: t("quotes.field.owner"), value: q.owner.name },
                    { label: t("quotes.field.remark"), value: q.remark },
                  ]}
                />
                <h3 className="mt-4 text-sm font-medium text-slate-700">{t("quotes.field.terms")}</h3>
                <p className="mt-1 text-sm leading-6 whitespace-pre-line text-slate-700">{q.terms || "—"}</p>
              </div>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          {q.approval ? <ApprovalPanel approval={q.approval} hasFlow commentErrors={errors.comment} /> : null}
          <QuoteSendCard
            stamp={stamp}
            canSend={q.may.send}
            hasZone={q.company.hasZone}
            emailedAt={q.emailedAt}
            publishedAt={q.publishedAt}
            contactEmail={q.contact?.email ?? null}
            errors={errors}
          />
          <QuoteResponseCard respondedAt={q.respondedAt} comment={q.responseComment} status={q.status} />
          <QuoteVersionsCard currentId={q.id} versions={q.versions} />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/quotes" backLabel="quotes.title" />;
}
