import { data, type ActionFunctionArgs } from "react-router";
import { z } from "zod";
import { db, type Db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  MemberEmailLookupSchema,
  parseForm,
  type RequestMeta,
} from "#app/modules/members/member-registration.server.ts";

// The action behind "resend activation mail" and "forgot password": one e-mail field, a rate limit,
// and the same answer whether or not the address belongs to anyone (no enumeration).

const EmailRequestSchema = z.object({ email: MemberEmailLookupSchema });

export type EmailRequestResult =
  | { status: "field-errors"; fieldErrors: { email?: MessageKey }; email: string }
  | { status: "rate-limited"; retryAfterMinutes: number; email: string }
  | { status: "sent"; email: string };

type SendByEmail = (
  db: Db,
  email: string,
  meta: RequestMeta,
) => Promise<{ kind: "sent" } | { kind: "rate-limited"; retryAfterSeconds: number }>;

export async function handleEmailRequest({ request, context }: ActionFunctionArgs, send: SendByEmail) {
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.slice(0, 191) : "";
  const parsed = parseForm(EmailRequestSchema, form, ["email"] as const);
  if (!parsed.ok) {
    return data<EmailRequestResult>(
      { status: "field-errors", fieldErrors: parsed.fieldErrors, email },
      { status: 400 },
    );
  }
  const { locale } = await getTranslator(request);
  const result = await send(db, parsed.data.email, {
    ipAddress: clientIp(context),
    userAgent: userAgent(request),
    locale,
  });
  if (result.kind === "rate-limited") {
    return data<EmailRequestResult>(
      { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data<EmailRequestResult>({ status: "sent", email: parsed.data.email });
}
