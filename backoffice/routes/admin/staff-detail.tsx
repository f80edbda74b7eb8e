import { UserRound } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { type ServiceResult } from "#app/lib/service-result.ts";
import {
  sendPasswordLink,
  setStaffStatus,
  signOutEverywhere,
  StaffProfileSchema,
  StaffStatusSchema,
  updateStaffProfile,
} from "#app/modules/admin/staff-accounts.server.ts";
import { getStaffDetail, staffFormOptions } from "#app/modules/admin/staff-directory.server.ts";
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
import { respondTagged, runRecordIntent, type RecordIntentArgs } from "#backoffice/components/record-action.server.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// One staff account: profile, team and roles; status (active / away until / inactive); password
// link and sign-out-everywhere; rotation groups; the way to the hand-over.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(
    request,
    { module: "admin", action: "browse" },
    params.staffId,
    async (database, _actor, id) => {
      const [staff, options] = await Promise.all([getStaffDetail(database, id), staffFormOptions(database)]);
      return staff && { staff, ...options };
    },
  );
}

export const meta = recordMeta<typeof loader>("adminStaff.list.title", (d) => [
  "adminStaff.detail.metaTitle",
  { name: d.staff.name },
]);

function answer<T>(intent: string, staffId: number, result: ServiceResult<T>) {
  return respondTagged(
    intent,
    result,
    `${STAFF_PATH}/${staffId}`,
    intent === "password-link" ? "flash.sent" : "flash.saved",
  );
}

async function profile({ actor, id, form, meta }: RecordIntentArgs) {
  const parsed = await parseForm(form, StaffProfileSchema);
  return answer(
    "profile",
    id,
    parsed.status === "ok" ? await updateStaffProfile(db, actor, id, parsed.value, meta) : parsed,
  );
}

async function status({ actor, id, form, meta }: RecordIntentArgs) {
  const parsed = await parseForm(form, StaffStatusSchema);
  return answer(
    "status",
    id,
    parsed.status === "ok" ? await setStaffStatus(db, actor, id, parsed.value, meta) : parsed,
  );
}

async function passwordLink({ actor, id, meta }: RecordIntentArgs) {
  return answer("password-link", id, await sendPasswordLink(db, actor, id, meta));
}

async function signOutAll({ actor, id, meta }: RecordIntentArgs) {
  return answer("sign-out-all", id, await signOutEverywhere(db, actor, id, meta));
}

const INTENTS = { profile, status, "password-link": passwordLink, "sign-out-all": signOutAll };

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, { module: "admin", action: "modify" }, "staffId", INTENTS);
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
