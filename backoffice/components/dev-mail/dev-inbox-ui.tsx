import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
// Type-only: the templates themselves (React Email, zod schemas) stay out of the browser bundle.
import type { TemplateName } from "#emails/templates/index.ts";

// Small pieces shared by the two dev-inbox routes (/crm/dev/mail and /crm/dev/mail/:id). Route
// modules should export only route APIs, so they live here rather than in either route.

export type OutboxStatus = "pending" | "sending" | "sent" | "dev" | "failed";

// Each delivery state's colour and name.
const STATUSES: Record<OutboxStatus, { tone: BadgeTone; label: MessageKey }> = {
  pending: { tone: "amber", label: "mail.status.pending" },
  sending: { tone: "blue", label: "mail.status.sending" },
  sent: { tone: "green", label: "mail.status.sent" },
  dev: { tone: "violet", label: "common.devMailbox" },
  failed: { tone: "red", label: "mail.status.failed" },
};

export function StatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useI18n();
  return (
    <Badge tone={STATUSES[status].tone} dot>
      {t(STATUSES[status].label)}
    </Badge>
  );
}

const TEMPLATE_KEYS: Record<TemplateName, MessageKey> = {
  "test-message": "mail.template.test-message",
  "account-locked": "mail.template.account-locked",
  "staff-welcome": "mail.template.staff-welcome",
  "staff-invitation": "adminStaff.mail.invitation",
  "staff-password-reset": "adminStaff.mail.passwordReset",
  "member-new-message": "mail.template.member-new-message",
  "service-request-new": "mail.template.service-request-new",
  "service-request-reply": "mail.template.service-request-reply",
  "member-activation": "mail.template.member-activation",
  "member-already-registered": "mail.template.member-already-registered",
  "member-password-reset": "mail.template.member-password-reset",
  "member-email-change": "mail.template.member-email-change",
  "member-email-changed": "mail.template.member-email-changed",
  "lead-assigned": "mail.template.lead-assigned",
  "lead-received": "mail.template.lead-received",
  "service-contract-expiring": "mail.template.service-contract-expiring",
  "approval-reminder": "adminSystem.mail.approvalReminder",
  "forum-notification": "forumNotify.mail.notification",
  "forum-digest": "forumNotify.mail.digest",
  "quote-sent": "quotes.mail.template",
  "contract-payment-due": "mail.template.contract-payment-due",
};

/** Rows written by a template that was later renamed still show their stored name. */
export function templateLabel(template: string, t: Translate): string {
  return Object.hasOwn(TEMPLATE_KEYS, template) ? t(TEMPLATE_KEYS[template as TemplateName]) : template;
}
