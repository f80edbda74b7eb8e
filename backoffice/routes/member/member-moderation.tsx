import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { MemberLevel } from "#app/generated/prisma/enums.ts";
import { db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { confirmation, msg, trimmedText } from "#app/lib/schemas.ts";
import { type ServiceResult } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { parseChinaDateTime, toChinaDateTimeInput } from "#app/modules/members/member-admin.server.ts";
import { memberAdminResult } from "#app/modules/members/member-admin-result.server.ts";
import { REASON_MAX_LENGTH } from "#app/modules/members/member-admin-shared.ts";
import {
  liftSuspension,
  setMemberLevel,
  suspendMember,
  terminateMember,
  verifyMember,
} from "#app/modules/members/member-moderation.server.ts";
import { FailureNotice, FormNotice } from "#app/ui/form/index.ts";
import {
  LevelPanel,
  LiftPanel,
  SuspendPanel,
  TerminatePanel,
  VerifyPanel,
} from "#backoffice/components/members/moderation-panels.tsx";
import { useMemberWorkspace } from "#backoffice/components/members/use-member-workspace.ts";
import { respondTagged, runRecordIntent, type RecordIntentArgs } from "#backoffice/components/record-action.server.ts";

// The member page's 认证与管理 tab: verify real name and phone, set the level, suspend or lift,
// terminate. Each intent is a named function; the action only dispatches.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "members", action: "browse" });
  // The earliest moment a suspension may end, computed on the server so the page hydrates as rendered.
  return { nowInput: toChinaDateTimeInput(new Date()) };
}

const VerifySchema = z.object({
  realName: trimmedText(50),
  phone: trimmedText(50).refine((v) => phoneKey(v) !== null, msg("memberAdmin.validation.phone")),
});
const LevelSchema = z.object({ level: z.enum(MemberLevel, msg("memberAdmin.validation.level")) });
const SuspendSchema = z.object({
  reason: trimmedText(REASON_MAX_LENGTH),
  until: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const at = parseChinaDateTime(v);
      if (!at) ctx.addIssue({ code: "custom", message: msg("validation.dateTime") });
      return at;
    }),
});
const TerminateSchema = z.object({ reason: trimmedText(REASON_MAX_LENGTH), confirm: confirmation() });

/** Success → back to this tab with a flash; a refusal → the failure, tagged with its intent. */
function answer<T>(
  intent: string,
  memberId: number,
  result: ServiceResult<T>,
  flash: FlashKey | ((value: T) => FlashKey),
) {
  return respondTagged(intent, result, `/crm/members/${memberId}/moderation`, flash);
}

/** The form read by `schema`, then `run` on valid input; invalid input answers as the field errors. */
async function withValidForm<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Promise<T>,
): Promise<ServiceResult<T>> {
  const parsed = await parseForm(formData, schema);
  return parsed.status === "ok" ? await memberAdminResult(() => run(parsed.value)) : parsed;
}

async function verify({ actor, id: memberId, form: formData, meta }: RecordIntentArgs) {
  const result = await withValidForm(formData, VerifySchema, (value) => verifyMember(db, actor, memberId, value, meta));
  return answer("verify", memberId, result, "flash.memberAdmin.verified");
}

async function level({ actor, id: memberId, form: formData, meta }: RecordIntentArgs) {
  const result = await withValidForm(formData, LevelSchema, (value) =>
    setMemberLevel(db, actor, memberId, value.level, meta),
  );
  return answer("level", memberId, result, (changed) => (changed ? "flash.memberAdmin.level" : "flash.info.noChanges"));
}

async function suspend({ actor, id: memberId, form: formData, meta }: RecordIntentArgs) {
  const result = await withValidForm(formData, SuspendSchema, (value) =>
    suspendMember(db, actor, memberId, value, meta),
  );
  return answer("suspend", memberId, result, "flash.memberAdmin.suspended");
}

async function lift({ actor, id: memberId, meta }: RecordIntentArgs) {
  const result = await memberAdminResult(() => liftSuspension(db, actor, memberId, meta));
  return answer("lift", memberId, result, "flash.memberAdmin.lifted");
}

async function terminate({ actor, id: memberId, form: formData, meta }: RecordIntentArgs) {
  const result = await withValidForm(formData, TerminateSchema, (value) =>
    terminateMember(db, actor, memberId, { reason: value.reason }, meta),
  );
  return answer("terminate", memberId, result, "flash.memberAdmin.terminated");
}

const INTENTS = { verify, level, suspend, lift, terminate };

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, { module: "members", action: "modify" }, "memberId", INTENTS);
}

export default function MemberModerationTab() {
  const { member, capabilities } = useMemberWorkspace();
  const { nowInput } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const forPanel = (intent: string) => (result?.intent === intent ? result : undefined);

  if (!capabilities.canModerate) {
    return (
      <FormNotice tone="info">
        {t(capabilities.canModify ? "memberAdmin.moderation.closed" : "memberAdmin.detail.readOnly")}
      </FormNotice>
    );
  }
  return (
    <>
      {/* Field problems show beside their fields; anything else (a state that moved on) up here. */}
      <FailureNotice result={result} refusalsOnly />
      <div className="grid gap-6 xl:grid-cols-2">
        <VerifyPanel member={member} enabled={capabilities.canVerify} result={forPanel("verify")} />
        <LevelPanel level={member.level} result={forPanel("level")} />
        {capabilities.canLift ? <LiftPanel /> : <SuspendPanel nowInput={nowInput} result={forPanel("suspend")} />}
        <TerminatePanel result={forPanel("terminate")} />
      </div>
    </>
  );
}
