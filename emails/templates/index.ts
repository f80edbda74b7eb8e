import type { ReactElement } from "react";
import type { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { AccountLockedEmail, AccountLockedPropsSchema, accountLockedSubject } from "./account-locked.tsx";
import { LeadAssignedEmail, LeadAssignedPropsSchema, leadAssignedSubject } from "./lead-assigned.tsx";
import { MemberNewMessageEmail, MemberNewMessagePropsSchema, memberNewMessageSubject } from "./member-new-message.tsx";
import {
  MemberEmailChangeEmail,
  MemberEmailChangePropsSchema,
  memberEmailChangeSubject,
} from "./member-email-change.tsx";
import {
  MemberEmailChangedEmail,
  MemberEmailChangedPropsSchema,
  memberEmailChangedSubject,
} from "./member-email-changed.tsx";
import { MemberActivationEmail, MemberActivationPropsSchema, memberActivationSubject } from "./member-activation.tsx";
import {
  MemberAlreadyRegisteredEmail,
  MemberAlreadyRegisteredPropsSchema,
  memberAlreadyRegisteredSubject,
} from "./member-already-registered.tsx";
import {
  MemberPasswordResetEmail,
  MemberPasswordResetPropsSchema,
  memberPasswordResetSubject,
} from "./member-password-reset.tsx";
import {
  ServiceContractExpiringEmail,
  ServiceContractExpiringPropsSchema,
  serviceContractExpiringSubject,
} from "./service-contract-expiring.tsx";
import { StaffWelcomeEmail, StaffWelcomePropsSchema, staffWelcomeSubject } from "./staff-welcome.tsx";
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

export interface EmailTemplate<S extends z.ZodType<object>> {
  schema: S;
  Component: (props: z.output<S> & { locale: Locale }) => ReactElement;
  subject: (props: z.output<S> & { locale: Locale }) => string;
}

function defineTemplate<S extends z.ZodType<object>>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}

export const EMAIL_TEMPLATES = {
  "member-activation": defineTemplate({
    schema: MemberActivationPropsSchema,
    Component: MemberActivationEmail,
    subject: memberActivationSubject,
  }),
  "member-already-registered": defineTemplate({
    schema: MemberAlreadyRegisteredPropsSchema,
    Component: MemberAlreadyRegisteredEmail,
    subject: memberAlreadyRegisteredSubject,
  }),
  "member-password-reset": defineTemplate({
    schema: MemberPasswordResetPropsSchema,
    Component: MemberPasswordResetEmail,
    subject: memberPasswordResetSubject,
  }),
  "member-email-change": defineTemplate({
    schema: MemberEmailChangePropsSchema,
    Component: MemberEmailChangeEmail,
    subject: memberEmailChangeSubject,
  }),
  "member-email-changed": defineTemplate({
    schema: MemberEmailChangedPropsSchema,
    Component: MemberEmailChangedEmail,
    subject: memberEmailChangedSubject,
  }),
  "test-message": defineTemplate({
    schema: TestMessagePropsSchema,
    Component: TestMessageEmail,
    subject: testMessageSubject,
  }),
  "account-locked": defineTemplate({
    schema: AccountLockedPropsSchema,
    Component: AccountLockedEmail,
    subject: accountLockedSubject,
  }),
  "lead-assigned": defineTemplate({
    schema: LeadAssignedPropsSchema,
    Component: LeadAssignedEmail,
    subject: leadAssignedSubject,
  }),
  "service-contract-expiring": defineTemplate({
    schema: ServiceContractExpiringPropsSchema,
    Component: ServiceContractExpiringEmail,
    subject: serviceContractExpiringSubject,
  }),
  "staff-welcome": defineTemplate({
    schema: StaffWelcomePropsSchema,
    Component: StaffWelcomeEmail,
    subject: staffWelcomeSubject,
  }),
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
