import { type ActionFunctionArgs } from "react-router";
import { z } from "zod";
import { db, type Db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fail, rateLimited } from "#app/lib/service-result.ts";
import { MemberEmailLookupSchema, type RequestMeta } from "#app/modules/members/member-registration.server.ts";

// The action behind "resend activation mail" and "forgot password": one e-mail field, a rate limit,
// and the same answer whether or not the address belongs to anyone (no enumeration).

const EmailRequestSchema = z.object({ email: MemberEmailLookupSchema });

type SendByEmail = (
  db: Db,
  email: string,
  meta: RequestMeta,
) => Promise<{ kind: "sent" } | { kind: "rate-limited"; retryAfterSeconds: number }>;

export async function handleEmailRequest(
  { request, context }: ActionFunctionArgs,
  send: SendByEmail,
  rateLimitedMessage: MessageKey,
) {
  const parsed = await parseForm(request, EmailRequestSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const { locale } = await getTranslator(request);
  const { email } = parsed.value;
  const result = await send(db, email, { ipAddress: clientIp(context), userAgent: userAgent(request), locale });
  if (result.kind === "rate-limited") return fail(rateLimited(result.retryAfterSeconds, rateLimitedMessage));
  return { status: "sent" as const, email };
}
