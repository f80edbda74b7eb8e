import { ArrowLeft, FileCode2, FileText, Mail } from "lucide-react";
import { data, Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireDevInbox } from "#app/lib/dev-inbox.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { mailConfig } from "#emails/delivery.server.ts";
import { StatusBadge, templateLabel } from "#backoffice/components/dev-mail/dev-inbox-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { getOutboxMessage } from "#emails/outbox-queries.server.ts";

// One outbox message: its envelope and delivery record, the HTML exactly as stored (in an iframe
// with an empty sandbox, so nothing in the mail can run script or reach this page) and the text.

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireDevInbox();
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const message = await getOutboxMessage(db, requireIdParam(params.id));
  if (!message) throw data(null, { status: 404 });
  return { message, from: mailConfig().from };
}

export const meta = titleMeta("mail.message.title");

export default function DevMailMessagePage() {
  const { message, from } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const none = <span className="text-slate-400">{t("mail.message.none")}</span>;
  const time = (value: Date | null) => (value ? formatDateTime(value, locale) : none);

  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/crm/dev/mail"
          className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-blue-700"
        >
          <ArrowLeft className="size-4" aria-hidden />
          {t("mail.message.back")}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900">
            {message.subject}
          </h1>
          <StatusBadge status={message.status} />
        </div>
      </div>

      <Card>
        <CardHeader title={t("mail.message.headers")} icon={<Mail className="size-4" aria-hidden />} />
        <div className="space-y-4 px-5 py-4">
          <FactList
            layout="grid"
            facts={[
              {
                label: t("mail.message.from"),
                value: (
                  <>
                    {from} <span className="text-xs text-slate-400">({t("mail.message.fromHint")})</span>
                  </>
                ),
              },
              { label: t("mail.message.to"), value: message.toAddress },
              { label: t("common.subject"), value: message.subject },
              {
                label: t("common.template"),
                value: (
                  <>
                    {templateLabel(message.template, t)}{" "}
                    <code className="text-xs text-slate-400">{message.template}</code>
                  </>
                ),
              },
              { label: t("mail.message.status"), value: <StatusBadge status={message.status} /> },
              { label: t("mail.message.attempts"), value: String(message.attempts) },
              { label: t("common.createdAt"), value: time(message.createdAt) },
              { label: t("mail.message.sentAt"), value: time(message.sentAt) },
              {
                label: t("mail.message.nextAttemptAt"),
                value: time(message.nextAttemptAt),
                hidden: message.status !== "pending",
              },
              {
                label: t("mail.message.providerId"),
                value: message.providerMessageId ? <code className="text-xs">{message.providerMessageId}</code> : none,
              },
              {
                label: t("mail.message.idempotencyKey"),
                value: message.idempotencyKey ? (
                  <code className="text-xs break-all">{message.idempotencyKey}</code>
                ) : (
                  none
                ),
              },
            ]}
          />
          {message.lastError ? (
            <div>
              <p className="text-xs font-medium text-slate-500">{t("mail.message.lastError")}</p>
              <p className="mt-1 rounded-lg bg-red-50 px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap text-red-800">
                {message.lastError}
              </p>
            </div>
          ) : null}
        </div>
      </Card>

      <Card>
        <CardHeader
          title={t("mail.message.html")}
          description={t("mail.message.htmlHint")}
          icon={<FileCode2 className="size-4" aria-hidden />}
        />
        <div className="bg-slate-100/70 p-3 sm:p-4">
          {/* sandbox="" (no allowances): no scripts, forms, popups or same-origin access for mail content. */}
          <iframe
            title={t("mail.message.previewFrame")}
            sandbox=""
            srcDoc={message.html}
            className="h-[640px] w-full rounded-lg border border-slate-200 bg-white shadow-sm"
          />
        </div>
      </Card>

      <Card>
        <CardHeader title={t("mail.message.text")} icon={<FileText className="size-4" aria-hidden />} />
        <pre className="overflow-x-auto px-5 py-4 font-mono text-[13px] leading-6 whitespace-pre-wrap text-slate-700">
          {message.text}
        </pre>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/dev/mail" backLabel="mail.message.back" />;
}
