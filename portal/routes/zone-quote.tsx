import { CheckCircle2, FileDown, MessageSquareQuote } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { parseForm, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { isoDay } from "#app/modules/quotes/quote-dates.ts";
import { QUOTE_STATUS_KEYS } from "#app/modules/quotes/quote-format.ts";
import { QuoteResponseSchema } from "#app/modules/quotes/quote-input.ts";
import { respondToQuote, zoneQuoteDetail, zoneQuoteVisible } from "#app/modules/quotes/quote-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, FormNotice, SubmitButton, TextareaField } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { QuoteLinesTable, QuoteStatusBadge } from "#app/ui/quotes/quote-parts.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneRecordPage } from "#portal/components/zone-ui.tsx";

// One published quote in the customer's zone: its products, totals and terms, the PDF, and — on the
// current version while it is open — 接受报价 or 提出修改意见 (with a comment). Answered once.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const quote = await zoneQuoteDetail(db, context.zone.companyId, requireIdParam(params.quoteId));
  if (!quote) throw data(null, { status: 404 });
  return { zone: { name: context.zone.name }, quote };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const zone = await requireZoneAccess(request);
  const id = requireIdParam(params.quoteId);
  // Another company's quote is not found, whatever the form says.
  if (!(await zoneQuoteVisible(db, zone.zone.companyId, id))) throw data(null, { status: 404 });
  const parsed = await parseForm(request, QuoteResponseSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await respondToQuote(db, zone, id, parsed.value, { ipAddress: clientIp(context) });
  return respond(result, {
    successTo: `/zone/quotes/${id}`,
    flash: parsed.value.response === "accept" ? "flash.quotes.accepted" : "flash.quotes.changesRequested",
  });
}

export const meta = recordMeta<typeof loader>("quotes.zone.title", (d) => [
  "quotes.metaTitle",
  { number: d.quote.number, title: d.quote.title },
]);

const statusKey = (status: string) =>
  QUOTE_STATUS_KEYS[(Object.hasOwn(QUOTE_STATUS_KEYS, status) ? status : "sent") as keyof typeof QUOTE_STATUS_KEYS];

export default function ZoneQuote() {
  const { zone, quote: q } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const errors = fieldErrors(answer);
  return (
    <ZoneRecordPage
      zoneName={zone.name}
      back={{ to: "/zone/quotes", label: t("quotes.zone.back") }}
      heading={
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs text-slate-500">
              {q.number} · {t("quotes.versionLabel", { version: q.version })}
            </p>
            <h1 className="mt-1 text-2xl font-semibold text-slate-900">{q.title}</h1>
          </div>
          <div className="flex items-center gap-2">
            <QuoteStatusBadge status={q.status} testId="quote-status" />
            <ButtonLink to={`/zone/quotes/${q.id}/pdf`} reloadDocument variant="secondary" icon={FileDown}>
              {t("quotes.action.pdf")}
            </ButtonLink>
          </div>
        </div>
      }
      facts={
        <FactList
          layout="grid"
          facts={[
            { label: t("quotes.field.validUntil"), value: isoDay(new Date(q.validUntil)) },
            { label: t("quotes.zone.salesperson"), value: q.ownerName },
            { label: t("quotes.field.contact"), value: q.contactName },
          ]}
        />
      }
    >
      <Card>
        <CardHeader title={t("quotes.lines.title")} />
        <QuoteLinesTable lines={q.lines} totals={q} currency={q.currency} />
      </Card>
      {q.terms ? (
        <Card>
          <CardHeader title={t("quotes.field.terms")} />
          <CardBody>
            <p className="text-sm leading-7 whitespace-pre-line text-slate-700">{q.terms}</p>
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader title={t("quotes.zone.respond")} />
        <CardBody>
          {q.respondedAt ? (
            <div className="space-y-2 text-sm" data-testid="zone-quote-answer">
              <p className="flex items-center gap-2">
                <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
                {t("quotes.zone.answered", { date: formatDateTime(q.respondedAt, locale) })}
              </p>
              {q.responseComment ? <p className="whitespace-pre-line text-slate-700">{q.responseComment}</p> : null}
            </div>
          ) : q.mayRespond ? (
            <Form method="post" className="space-y-4" noValidate>
              <FailureNotice result={answer} />
              <p className="text-sm text-slate-500">{t("quotes.zone.respondHint")}</p>
              <TextareaField
                name="comment"
                label={t("quotes.zone.comment")}
                rows={3}
                errors={errors.comment}
                optional
              />
              <div className="flex flex-wrap gap-2">
                <SubmitButton intent="accept" icon={CheckCircle2}>
                  {t("quotes.zone.accept")}
                </SubmitButton>
                <SubmitButton intent="changes" variant="secondary" icon={MessageSquareQuote}>
                  {t("quotes.zone.askChanges")}
                </SubmitButton>
              </div>
            </Form>
          ) : (
            <FormNotice tone="info">
              {q.status === "superseded" ? t("quotes.zone.superseded") : t(statusKey(q.status))}
            </FormNotice>
          )}
        </CardBody>
      </Card>
    </ZoneRecordPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
