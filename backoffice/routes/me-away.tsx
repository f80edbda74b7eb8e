import { Plane } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond, type ServiceResult } from "#app/lib/service-result.ts";
import { getOwnStatus, OwnAwaySchema, setOwnAway } from "#app/modules/admin/staff-accounts.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { DateField, FailureNotice, fieldErrors, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { StaffStatusBadge } from "#backoffice/components/admin-staff/staff-ui.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// The user menu's "我要外出 / 我已返回": every staff member sets their own away state (the lead
// rotation skips them meanwhile), optionally with the day they are back.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const own = await getOwnStatus(db, actor.staffId);
  return { status: own?.status ?? actor.status, awayUntil: own?.awayUntil ?? null };
}

function answer<T>(result: ServiceResult<T>) {
  return respond(result, { successTo: "/crm/me/away", flash: "flash.saved" });
}

async function away({ actor, form, meta }: PageIntentArgs) {
  const parsed = await parseForm(form, OwnAwaySchema);
  return answer(
    parsed.status === "ok"
      ? await setOwnAway(db, actor, { away: true, awayUntil: parsed.value.awayUntil }, meta)
      : parsed,
  );
}

async function back({ actor, meta }: PageIntentArgs) {
  return answer(await setOwnAway(db, actor, { away: false, awayUntil: null }, meta));
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, "signedIn", { away, back });
}

export const meta = titleMeta("adminStaff.away.menu");

export default function OwnAwayPage() {
  const { status, awayUntil } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-xl">
      <SectionCard
        icon={Plane}
        title={t("adminStaff.away.menu")}
        action={<StaffStatusBadge status={status} awayUntil={awayUntil} />}
        labelled
      >
        <FailureNotice result={result} refusalsOnly className="mb-4" />
        {status === "away" ? (
          <Form method="post">
            <SubmitButton intent="back">{t("adminStaff.away.back")}</SubmitButton>
          </Form>
        ) : (
          <Form method="post" className="space-y-4">
            <DateField
              name="awayUntil"
              label={t("adminStaff.away.until")}
              hint={t("adminStaff.field.awayUntilHint")}
              errors={fieldErrors(result).awayUntil}
              optional
            />
            <SubmitButton intent="away">{t("adminStaff.away.set")}</SubmitButton>
          </Form>
        )}
      </SectionCard>
    </div>
  );
}
