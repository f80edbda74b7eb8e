import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import {
  loadPortalForm,
  portalResultInit,
  submitPortalForm,
  type PortalFormKind,
} from "#app/modules/leads/portal-intake.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";

// The loader and action every portal intake page (来宾登记, 在线需求, 产品订购) shares: only the
// category kind differs, so each route binds its kind and keeps just its own page layout.

export async function loadIntakePage({ request }: LoaderFunctionArgs, kind: PortalFormKind) {
  const principal = await getOptionalMember(request);
  const page = await loadPortalForm(db, kind, principal?.member.id ?? null);
  return { ...page, member: principal ? { nickname: principal.member.nickname } : null };
}

export async function submitIntakePage({ request, context }: ActionFunctionArgs, kind: PortalFormKind) {
  const principal = await getOptionalMember(request);
  const result = await submitPortalForm(db, kind, await request.formData(), {
    memberId: principal?.member.id ?? null,
    submitterIp: clientIp(context),
    userAgent: userAgent(request),
  });
  return data(result, portalResultInit(result));
}
