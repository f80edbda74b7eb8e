import { CheckCircle2, History, Mail, MessageSquareQuote, Send, Share2 } from "lucide-react";
import { Form, Link } from "react-router";
import { formatDateTime, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { LOCALES } from "#app/lib/i18n/locales.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { QuoteStatusBadge } from "#app/ui/quotes/quote-parts.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// The editor's side cards: sending (e-mail with the PDF, publishing to the customer's zone), the
// customer's answer, and the versions of the quote's number.

type Errors = Partial<Record<string, readonly MessageKey[]>>;

export function QuoteSendCard({
  stamp,
  canSend,
  hasZone,
  emailedAt,
  publishedAt,
  contactEmail,
  errors,
}: {
  stamp: number;
  canSend: boolean;
  hasZone: boolean;
  emailedAt: DateValue | null;
  publishedAt: DateValue | null;
  contactEmail: string | null;
  errors: Errors;
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard title={t("quotes.send.title")} icon={Send}>
      <div className="space-y-4 text-sm">
        <p className="text-slate-500">{t("quotes.send.hint")}</p>
        {emailedAt ? <p>{t("quotes.send.emailedAt", { date: formatDateTime(emailedAt, locale) })}</p> : null}
        {publishedAt ? <p>{t("quotes.send.publishedAt", { date: formatDateTime(publishedAt, locale) })}</p> : null}
        {canSend ? (
          <>
            {hasZone ? (
              <Form method="post">
                <input type="hidden" name="version" value={stamp} />
                <SubmitButton intent="publish" icon={Share2} variant="secondary">
                  {publishedAt ? t("quotes.action.republish") : t("quotes.action.publish")}
                </SubmitButton>
              </Form>
            ) : (
              <p className="text-amber-700">{t("quotes.send.noZone")}</p>
            )}
            <Form method="post" className="space-y-3 border-t border-slate-100 pt-4" noValidate>
              <input type="hidden" name="version" value={stamp} />
              <TextField
                name="to"
                type="email"
                label={t("quotes.email.to")}
                defaultValue={contactEmail ?? ""}
                errors={errors.to}
              />
              <TextareaField name="message" label={t("quotes.email.message")} rows={3} optional />
              <SelectField
                name="locale"
                label={t("quotes.email.locale")}
                defaultValue={locale}
                options={LOCALES.map((l) => ({ value: l, label: l === "en" ? "English" : "简体中文" }))}
              />
              <SubmitButton intent="email" icon={Mail}>
                {t("quotes.email.send")}
              </SubmitButton>
            </Form>
          </>
        ) : null}
      </div>
    </SectionCard>
  );
}

export function QuoteResponseCard({
  respondedAt,
  comment,
  status,
}: {
  respondedAt: DateValue | null;
  comment: string | null;
  status: string;
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard title={t("quotes.response.title")} icon={MessageSquareQuote}>
      {respondedAt ? (
        <div className="space-y-2 text-sm" data-testid="quote-response">
          <div className="flex items-center gap-2">
            {status === "accepted" ? <CheckCircle2 className="size-4 text-emerald-600" aria-hidden /> : null}
            <span>{t("quotes.response.at", { date: formatDateTime(respondedAt, locale) })}</span>
          </div>
          {comment ? <p className="whitespace-pre-line text-slate-700">{comment}</p> : null}
        </div>
      ) : (
        <p className="text-sm text-slate-400">{t("quotes.response.none")}</p>
      )}
    </SectionCard>
  );
}

export function QuoteVersionsCard({
  currentId,
  versions,
}: {
  currentId: number;
  versions: ReadonlyArray<{ id: number; version: number; status: string; updatedAt: DateValue }>;
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard title={t("quotes.versions.title")} icon={History}>
      <ul className="space-y-2 text-sm">
        {versions.map((v) => (
          <li key={v.id} className="flex items-center justify-between gap-2">
            {v.id === currentId ? (
              <span className="font-medium">{t("quotes.versionLabel", { version: v.version })}</span>
            ) : (
              <Link to={`/crm/quotes/${v.id}`} className="text-blue-700 hover:underline">
                {t("quotes.versionLabel", { version: v.version })}
              </Link>
            )}
            <span className="flex items-center gap-2 text-xs text-slate-500">
              {formatDateTime(v.updatedAt, locale)}
              <QuoteStatusBadge status={v.status} />
            </span>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
