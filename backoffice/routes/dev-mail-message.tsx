import { ArrowLeft, FileCode2, FileText, Mail } from "lucide-react";
import type { ReactNode } from "react";
import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { mailConfig } from "#emails/delivery.server.ts";
import { StatusBadge, templateLabel } from "#backoffice/components/dev-mail/dev-inbox-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { getOutboxMessage } from "#emails/outbox-queries.server.ts";

// One outbox message: its envelope and delivery record, the HTML exactly as stored (in an iframe
// with an empty sandbox, so nothing in the mail can run script or reach this page) and the text.

const ParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  const message = await getOutboxMessage(db, parsed.data.id);
  if (!message) throw data(null, { status: 404 });
  return { message, from: mailConfig().from };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "mail.message.title");

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
        <dl className="-mt-px grid grid-cols-1 gap-x-8 px-5 pb-1 sm:grid-cols-2">
          <Field label={t("mail.message.from")}>
            {from} <span className="text-xs text-slate-400">({t("mail.message.fromHint")})</span>
          </Field>
          <Field label={t("mail.message.to")}>{message.toAddress}</Field>
          <Field label={t("mail.message.subject")}>{message.subject}</Field>
          <Field label={t("mail.message.template")}>
            {templateLabel(message.template, t)} <code className="text-xs text-slate-400">{message.template}</code>
          </Field>
          <Field label={t("mail.message.status")}>
            <StatusBadge status={message.status} />
          </Field>
          <Field label={t("mail.message.attempts")}>{message.attempts}</Field>
          <Field label={t("mail.message.createdAt")}>{time(message.createdAt)}</Field>
          <Field label={t("mail.message.sentAt")}>{time(message.sentAt)}</Field>
          {message.status === "pending" ? (
            <Field label={t("mail.message.nextAttemptAt")}>{time(message.nextAttemptAt)}</Field>
          ) : null}
          <Field label={t("mail.message.providerId")}>
            {message.providerMessageId ? <code className="text-xs">{message.providerMessageId}</code> : none}
          </Field>
          <Field label={t("mail.message.idempotencyKey")}>
            {message.idempotencyKey ? <code className="text-xs break-all">{message.idempotencyKey}</code> : none}
          </Field>
          {message.lastError ? (
            <div className="border-t border-slate-100 py-3 sm:col-span-2">
              <dt className="text-xs font-medium text-slate-500">{t("mail.message.lastError")}</dt>
              <dd className="mt-1 rounded-lg bg-red-50 px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap text-red-800">
                {message.lastError}
              </dd>
            </div>
          ) : null}
        </dl>
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

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="border-t border-slate-100 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}
