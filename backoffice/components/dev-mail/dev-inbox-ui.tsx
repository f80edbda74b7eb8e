import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import { cn } from "#app/ui/cn.ts";
// Type-only: the templates themselves (React Email, zod schemas) stay out of the browser bundle.
import type { TemplateName } from "#emails/templates/index.ts";

// Small pieces shared by the two dev-inbox routes (/crm/dev/mail and /crm/dev/mail/:id). Route
// modules should export only route APIs, so they live here rather than in either route.

export type OutboxStatus = "pending" | "sending" | "sent" | "dev" | "failed";

const STATUS_STYLES: Record<OutboxStatus, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-600/25",
  sending: "bg-blue-50 text-blue-700 ring-blue-600/20",
  sent: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  dev: "bg-violet-50 text-violet-700 ring-violet-600/20",
  failed: "bg-red-50 text-red-700 ring-red-600/20",
};

const STATUS_KEYS: Record<OutboxStatus, MessageKey> = {
  pending: "mail.status.pending",
  sending: "mail.status.sending",
  sent: "mail.status.sent",
  dev: "mail.status.dev",
  failed: "mail.status.failed",
};

export function StatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        STATUS_STYLES[status],
      )}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current opacity-70" />
      {t(STATUS_KEYS[status])}
    </span>
  );
}

const TEMPLATE_KEYS: Record<TemplateName, MessageKey> = {
  "test-message": "mail.template.test-message",
  "account-locked": "mail.template.account-locked",
  "staff-welcome": "mail.template.staff-welcome",
  "member-new-message": "mail.template.member-new-message",
  "service-request-new": "mail.template.service-request-new",
  "service-request-reply": "mail.template.service-request-reply",
  "member-activation": "mail.template.member-activation",
  "member-already-registered": "mail.template.member-already-registered",
  "member-password-reset": "mail.template.member-password-reset",
  "member-email-change": "mail.template.member-email-change",
  "member-email-changed": "mail.template.member-email-changed",
  "lead-assigned": "mail.template.lead-assigned",
  "service-contract-expiring": "mail.template.service-contract-expiring",
};

/** Rows written by a template that was later renamed still show their stored name. */
export function templateLabel(template: string, t: Translate): string {
  return Object.hasOwn(TEMPLATE_KEYS, template) ? t(TEMPLATE_KEYS[template as TemplateName]) : template;
}
