import type { ReactElement } from "react";
import type { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";

/** One e-mail template: the props schema, the React Email component and the subject line. */
export interface EmailTemplate<S extends z.ZodType<object>> {
  schema: S;
  Component: (props: z.output<S> & { locale: Locale }) => ReactElement;
  subject: (props: z.output<S> & { locale: Locale }) => string;
}

export function defineTemplate<S extends z.ZodType<object>>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}
