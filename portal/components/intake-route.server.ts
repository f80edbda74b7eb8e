import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { fail, invalid, rateLimited } from "#app/lib/service-result.ts";
import {
  loadPortalForm,
  submitPortalForm,
  type PortalFormKind,
} from "#app/modules/leads/intake/portal-intake.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";

// The loader and action every portal intake page (来宾登记, 在线需求, 产品订购) shares: only the
// category kind differs, so each route binds its kind and keeps just its own page layout.

export async function loadIntakePage({ request }: LoaderFunctionArgs, kind: PortalFormKind) {
  const principal = await getOptionalMember(request);
  const page = await loadPortalForm(db, kind, principal?.member.id ?? null);
  return { ...page, member: principal ? { nickname: principal.member.nickname } : null };
}

/** Submits the form; refusals come back in the form kit's shapes (with the typed values to refill). */
export async function submitIntakePage({ request, context }: ActionFunctionArgs, kind: PortalFormKind) {
  const principal = await getOptionalMember(request);
  const result = await submitPortalForm(db, kind, await request.formData(), {
    memberId: principal?.member.id ?? null,
    submitterIp: clientIp(context),
    userAgent: userAgent(request),
    locale: await getLocale(request),
  });
  switch (result.status) {
    case "success":
      return { status: "success" as const, number: result.number, ownerName: result.ownerName };
    case "invalid":
      return fail(invalid(result.errors, ["intake.form.errorSummary"], stringValues(result.values)));
    case "rejected":
      return fail(invalid({}, ["intake.form.rejected"]));
    case "resubmitted":
      return fail(invalid({}, ["intake.form.resubmitted"], stringValues(result.values)));
    case "rate-limited":
      return fail({
        ...rateLimited(result.retryAfterSeconds, "intake.form.rateLimited"),
        values: stringValues(result.values),
      });
    case "unavailable":
      return data({ status: "unavailable" as const }, { status: 503 });
  }
}

function stringValues(values: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])));
}
