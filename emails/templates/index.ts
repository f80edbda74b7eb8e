import type { ReactElement } from "react";
import type { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { AccountLockedEmail, AccountLockedPropsSchema, accountLockedSubject } from "./account-locked.tsx";
import { StaffWelcomeEmail, StaffWelcomePropsSchema, staffWelcomeSubject } from "./staff-welcome.tsx";
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
  "staff-welcome": defineTemplate({
    schema: StaffWelcomePropsSchema,
    Component: StaffWelcomeEmail,
    subject: staffWelcomeSubject,
  }),
};

export type TemplateName = keyof typeof EMAIL_TEMPLATES;
/** What a caller passes (before defaults are applied). */
export type TemplateProps<N extends TemplateName> = z.input<(typeof EMAIL_TEMPLATES)[N]["schema"]>;

export const TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as TemplateName[];

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(EMAIL_TEMPLATES, value);
}
