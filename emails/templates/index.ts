import type { z } from "zod";
import { defineTemplate } from "./define-template.ts";
import { accountLockedTemplate } from "./account-locked.tsx";
import { approvalReminderTemplate } from "./approval-reminder.tsx";
import { contractPaymentDueTemplate } from "./contract-payment-due.tsx";
import { quoteSentTemplate } from "./quote-sent.tsx";
import { LeadAssignedEmail, LeadAssignedPropsSchema, leadAssignedSubject } from "./lead-assigned.tsx";
import { leadReceivedTemplate } from "./lead-received.tsx";
import { forumDigestTemplate, forumNotificationTemplate } from "./forum-mail.tsx";
import { MemberNewMessageEmail, MemberNewMessagePropsSchema, memberNewMessageSubject } from "./member-new-message.tsx";
import { memberEmailChangeTemplate } from "./member-email-change.tsx";
import { memberEmailChangedTemplate } from "./member-email-changed.tsx";
import { memberActivationTemplate } from "./member-activation.tsx";
import { memberAlreadyRegisteredTemplate } from "./member-already-registered.tsx";
import { memberPasswordResetTemplate } from "./member-password-reset.tsx";
import {
  ServiceContractExpiringEmail,
  ServiceContractExpiringPropsSchema,
  serviceContractExpiringSubject,
} from "./service-contract-expiring.tsx";
import { staffWelcomeTemplate } from "./staff-welcome.tsx";
import { staffInvitationTemplate, staffPasswordResetTemplate } from "./staff-set-password.tsx";
import {
  ServiceRequestNewEmail,
  ServiceRequestNewPropsSchema,
  serviceRequestNewSubject,
} from "./service-request-new.tsx";
import {
  ServiceRequestReplyEmail,
  ServiceRequestReplyPropsSchema,
  serviceRequestReplySubject,
} from "./service-request-reply.tsx";
import { TestMessageEmail, TestMessagePropsSchema, testMessageSubject } from "./test-message.tsx";

// The one list of templates: the outbox stores the name, the renderer looks it up here, and each
// entry's zod schema checks the props before anything is rendered or stored.

export type { EmailTemplate } from "./define-template.ts";

export const EMAIL_TEMPLATES = {
  "member-activation": memberActivationTemplate,
  "member-already-registered": memberAlreadyRegisteredTemplate,
  "member-password-reset": memberPasswordResetTemplate,
  "member-email-change": memberEmailChangeTemplate,
  "member-email-changed": memberEmailChangedTemplate,
  "test-message": defineTemplate({
    schema: TestMessagePropsSchema,
    Component: TestMessageEmail,
    subject: testMessageSubject,
  }),
  "account-locked": accountLockedTemplate,
  "approval-reminder": approvalReminderTemplate,
  "contract-payment-due": contractPaymentDueTemplate,
  "quote-sent": quoteSentTemplate,
  "lead-assigned": defineTemplate({
    schema: LeadAssignedPropsSchema,
    Component: LeadAssignedEmail,
    subject: leadAssignedSubject,
  }),
  "lead-received": leadReceivedTemplate,
  "forum-notification": forumNotificationTemplate,
  "forum-digest": forumDigestTemplate,
  "service-contract-expiring": defineTemplate({
    schema: ServiceContractExpiringPropsSchema,
    Component: ServiceContractExpiringEmail,
    subject: serviceContractExpiringSubject,
  }),
  "staff-welcome": staffWelcomeTemplate,
  "staff-invitation": staffInvitationTemplate,
  "staff-password-reset": staffPasswordResetTemplate,
  "service-request-new": defineTemplate({
    schema: ServiceRequestNewPropsSchema,
    Component: ServiceRequestNewEmail,
    subject: serviceRequestNewSubject,
  }),
  "service-request-reply": defineTemplate({
    schema: ServiceRequestReplyPropsSchema,
    Component: ServiceRequestReplyEmail,
    subject: serviceRequestReplySubject,
  }),
  "member-new-message": defineTemplate({
    schema: MemberNewMessagePropsSchema,
    Component: MemberNewMessageEmail,
    subject: memberNewMessageSubject,
  }),
};

export type TemplateName = keyof typeof EMAIL_TEMPLATES;
/** What a caller passes (before defaults are applied). */
export type TemplateProps<N extends TemplateName> = z.input<(typeof EMAIL_TEMPLATES)[N]["schema"]>;

export const TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as TemplateName[];

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(EMAIL_TEMPLATES, value);
}
