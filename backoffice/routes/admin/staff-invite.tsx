import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { inviteStaff, StaffProfileSchema } from "#app/modules/admin/staff-accounts.server.ts";
import { staffFormOptions } from "#app/modules/admin/staff-directory.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { BackLink, STAFF_PATH, StaffProfileFields } from "#backoffice/components/admin-staff/staff-ui.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 邀请员工: the account is created without a password; the invitation mail carries the set-password link.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "add" });
  return staffFormOptions(db);
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, { module: "admin", action: "add" }, StaffProfileSchema, inviteStaff, {
    successTo: (v) => `${STAFF_PATH}/${v.id}`,
    flash: "flash.sent",
  });
}

export const meta = titleMeta("adminStaff.invite.title");

export default function StaffInvitePage() {
  const { teams, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <BackLink to={STAFF_PATH}>{t("adminStaff.detail.back")}</BackLink>
      <SectionCard title={t("adminStaff.invite.title")} description={t("adminStaff.invite.description")} labelled>
        <Form method="post" className="space-y-5">
          <FailureNotice result={result} />
          <StaffProfileFields teams={teams} roles={roles} result={result} />
          <SubmitButton>{t("adminStaff.invite.submit")}</SubmitButton>
        </Form>
      </SectionCard>
    </div>
  );
}
