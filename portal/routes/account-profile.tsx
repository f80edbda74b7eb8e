import { BadgeCheck, Bell, IdCard, Phone, UserRound } from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { ProfileSchema } from "#app/modules/members/member-account-schemas.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { getProfile, updateProfile } from "#app/modules/members/member-profile.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { CheckboxField, FailureNotice, fieldErrors, submittedValues, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { requireAccountActor } from "#portal/components/account-actor.server.ts";
import { AccountPageHeader, AccountSection, AccountSubmitRow } from "#portal/components/account-ui.tsx";
import { ProfileTextField, type ProfileInput } from "#portal/components/profile-text-field.tsx";

const PATH = "/account/profile";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const profile = await getProfile(db, principal.member.id);
  if (!profile) throw data(null, { status: 404 });
  return { profile };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAccountActor({ request, context });
  const parsed = await parseForm(request, ProfileSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await updateProfile(db, actor, parsed.value);
  if (result.status === "not-found") throw data(null, { status: 404 });
  // Post/redirect/get: a reload shows the saved page instead of posting again.
  return respond(result, {
    successTo: PATH,
    flash: ({ changed }) => (changed.length > 0 ? "flash.account.profileSaved" : "flash.info.noChanges"),
  });
}

export const meta = titleMeta("account.profile.title");

const NOTIFICATIONS = ["notifyByEmail", "notifyNewsletter"] as const;

export default function AccountProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const typed = submittedValues(result);
  // After a refused save, show what the member typed (the page may have been rendered without JS).
  const text = (name: ProfileInput) => ({
    name,
    errors: errors[name],
    defaultValue: typed ? (typed[name] ?? "") : (profile[name] ?? ""),
  });
  const checked = (name: (typeof NOTIFICATIONS)[number]) => (typed ? typed[name] === "on" : profile[name]);

  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("account.profile.title")} description={t("account.profile.description")} />
      <FailureNotice result={result} />

      <Form method="post" noValidate className="space-y-6">
        <AccountSection icon={UserRound} title={t("account.profile.section.public")}>
          <div className="grid gap-5 px-5 py-5 sm:grid-cols-2">
            <ProfileTextField
              {...text("nickname")}
              label={t("account.profile.nickname")}
              hint={t("account.profile.nicknameHint")}
              required
            />
            <TextField
              name="email-display"
              label={t("account.profile.email")}
              hint={
                <>
                  {t("account.profile.emailHint")}{" "}
                  <Link to="/account/security" className="font-medium text-blue-700 hover:underline">
                    {t("account.nav.security")}
                  </Link>
                </>
              }
              value={profile.email}
              readOnly
              disabled
            />
          </div>
        </AccountSection>

        <AccountSection icon={Phone} title={t("account.profile.section.contact")}>
          <div className="grid gap-5 px-5 py-5 sm:grid-cols-2">
            <ProfileTextField {...text("phone")} label={t("account.profile.phone")} />
            <ProfileTextField {...text("title")} label={t("account.profile.jobTitle")} />
            <ProfileTextField {...text("province")} label={t("account.profile.province")} />
            <ProfileTextField {...text("city")} label={t("account.profile.city")} />
            <ProfileTextField {...text("address")} label={t("account.profile.address")} className="sm:col-span-2" />
          </div>
        </AccountSection>

        <AccountSection
          icon={IdCard}
          title={t("account.profile.section.identity")}
          description={profile.identityLocked ? t("account.profile.identityLocked") : t("account.profile.identityHint")}
          action={
            profile.identityLocked ? (
              <Badge tone="green">
                <BadgeCheck className="size-3.5" aria-hidden />
                {t("account.profile.verified")}
              </Badge>
            ) : null
          }
        >
          {profile.identityLocked ? (
            <dl className="grid gap-5 px-5 py-5 text-sm sm:grid-cols-2">
              <ReadOnly label={t("account.profile.realName")} value={profile.realName} />
              <ReadOnly label={t("account.profile.companyName")} value={profile.companyName} />
            </dl>
          ) : (
            <div className="grid gap-5 px-5 py-5 sm:grid-cols-2">
              <ProfileTextField {...text("realName")} label={t("account.profile.realName")} />
              <ProfileTextField {...text("companyName")} label={t("account.profile.companyName")} />
            </div>
          )}
        </AccountSection>

        <AccountSection icon={Bell} title={t("account.profile.section.notifications")}>
          <div className="space-y-1 px-5 py-5">
            {NOTIFICATIONS.map((name) => (
              <CheckboxField
                key={name}
                name={name}
                label={t(`account.profile.${name}`)}
                defaultChecked={checked(name)}
              />
            ))}
          </div>
        </AccountSection>

        <AccountSubmitRow pendingLabel={t("account.profile.saving")}>{t("account.profile.save")}</AccountSubmitRow>
      </Form>
    </div>
  );
}

function ReadOnly({ label, value }: { label: string; value: string | null }) {
  const { t } = useI18n();
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1 font-medium text-slate-900">
        {value ?? <span className="text-slate-500">{t("account.profile.notSet")}</span>}
      </dd>
    </div>
  );
}
