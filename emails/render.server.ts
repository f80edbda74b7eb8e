import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import type { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { EMAIL_TEMPLATES, type EmailTemplate, type TemplateName, type TemplateProps } from "./templates/index.ts";

// html-to-text shouts headings in capitals by default; that reads badly in a short notice.
const PLAIN_TEXT_SELECTORS = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * The subject only, after checking the props against the template's schema: what the intake's
 * transaction does when the worker renders the body (sendEmail with `render: "worker"`).
 */
export function emailSubject<N extends TemplateName>(template: N, props: TemplateProps<N>, locale: Locale): string {
  const definition = EMAIL_TEMPLATES[template] as unknown as EmailTemplate<z.ZodType<object>>;
  return definition.subject({ ...definition.schema.parse(props), locale });
}

/**
 * Renders a template to what the outbox stores. Props are checked against the template's schema
 * first, so a malformed call fails here, inside the caller's transaction, not later in the worker.
 */
export async function renderEmail<N extends TemplateName>(
  template: N,
  props: TemplateProps<N>,
  locale: Locale,
): Promise<RenderedEmail> {
  // Widened once here: each entry is type-checked against its own schema where it is defined.
  const definition = EMAIL_TEMPLATES[template] as unknown as EmailTemplate<z.ZodType<object>>;
  const parsed = { ...definition.schema.parse(props), locale };
  const html = await render(createElement(definition.Component, parsed));
  return {
    subject: definition.subject(parsed),
    html,
    // Derived from the same HTML so the two versions cannot drift apart.
    text: toPlainText(html, { selectors: PLAIN_TEXT_SELECTORS }),
  };
}
