import { UserRound } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { parseForm, requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { failureStatus, type ServiceResult } from "#app/lib/service-result.ts";
import {
  sendPasswordLink,
  setStaffStatus,
  signOutEverywhere,
  StaffProfileSchema,
  StaffStatusSchema,
  updateStaffProfile,
} from "#app/modules/admin/staff-accounts.server.ts";
import { getStaffDetail, staffFormOptions } from "#app/modules/admin/staff-directory.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  HandOverPanel,
  SecurityPanel,
  StatusPanel,
  TokenGroupsPanel,
} from "#backoffice/components/admin-staff/staff-detail-panels.tsx";
import {
  BackLink,
  STAFF_PATH,
  StaffProfileFields,
  StaffStatusBadge,
} from "#backoffice/components/admin-staff/staff-ui.tsx";

// One staff account: profile, team and roles; status (active / away until / inactive); password
// link and sign-out-everywhere; rotation groups; the way to the hand-over.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const staffId = requireIdParam(params.staffId);
  const [staff, options] = await Promise.all([getStaffDetail(db, staffId), staffFormOptions(db)]);
  if (!staff) throw data(null, { status: 404 });
  return { staff, ...options };
}

export const meta = recordMeta<typeof loader>("adminStaff.list.title", (d) => [
  "adminStaff.detail.metaTitle",
  { name: d.staff.name },
]);

interface IntentArgs {
  actor: StaffActor;
  staffId: number;
  formData: FormData;
  meta: { ipAddress: string };
}

function answer<T>(intent: string, staffId: number, result: ServiceResult<T>) {
  if (result.status !== "ok") return data({ ...result, intent }, { status: failureStatus(result) });
  return redirectWithFlash(`${STAFF_PATH}/${staffId}`, intent === "password-link" ? "flash.sent" : "flash.saved");
}

async function profile({ actor, staffId, formData, meta }: IntentArgs) {
  const parsed = await parseForm(formData, StaffProfileSchema);
  return answer(
    "profile",
    staffId,
    parsed.status === "ok" ? await updateStaffProfile(db, actor, staffId, parsed.value, meta) : parsed,
  );
}

async function status({ actor, staffId, formData, meta }: IntentArgs) {
  const parsed = await parseForm(formData, StaffStatusSchema);
  return answer(
    "status",
    staffId,
    parsed.status === "ok" ? await setStaffStatus(db, actor, staffId, parsed.value, meta) : parsed,
  );
}

async function passwordLink({ actor, staffId, meta }: IntentArgs) {
  return answer("password-link", staffId, await sendPasswordLink(db, actor, staffId, meta));
}

async function signOutAll({ actor, staffId, meta }: IntentArgs) {
  return answer("sign-out-all", staffId, await signOutEverywhere(db, actor, staffId, meta));
}

const INTENTS = { profile, status, "password-link": passwordLink, "sign-out-all": signOutAll };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "admin", action: "modify" });
  const staffId = requireIdParam(params.staffId);
  const formData = await request.formData();
  return runIntent(formData, INTENTS, { actor, staffId, formData, meta: { ipAddress: clientIp(context) } });
}

export default function StaffDetailPage() {
  const { staff, teams, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={STAFF_PATH}>{t("adminStaff.detail.back")}</BackLink>
      <PageHeader
        icon={<UserRound aria-hidden className="size-6" />}
        title={staff.name}
        description={[staff.email, staff.title, staff.team?.name].filter(Boolean).join(" · ")}
        actions={
          <StaffStatusBadge
            status={staff.status}
            awayUntil={staff.awayUntil}
            invitationPending={staff.invitationPending}
          />
        }
      />
      <FailureNotice result={result} refusalsOnly />
      <div className="grid gap-6 xl:grid-cols-2">
        <SectionCard title={t("adminStaff.detail.profile")} description={t("adminStaff.detail.profileHint")} labelled>
          <Form method="post" className="space-y-5">
            <StaffProfileFields
              teams={teams}
              roles={roles}
              result={result?.intent === "profile" ? result : null}
              defaults={{ ...staff, teamId: staff.team?.id ?? null, roleIds: staff.roles.map((r) => r.id) }}
            />
            <SubmitButton intent="profile">{t("common.save")}</SubmitButton>
          </Form>
        </SectionCard>
        <div className="space-y-6">
          <StatusPanel status={staff.status} awayUntil={staff.awayUntil} result={result} />
          <SecurityPanel
            invitationPending={staff.invitationPending}
            inactive={staff.status === "inactive"}
            sessions={staff.sessions}
          />
          <TokenGroupsPanel groups={staff.tokenGroups} />
          <HandOverPanel staffId={staff.id} />
        </div>
      </div>
    </div>
  );
}
