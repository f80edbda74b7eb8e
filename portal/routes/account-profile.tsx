import { BadgeCheck, Bell, IdCard, Phone, UserRound } from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  getProfile,
  parseAccountForm,
  ProfileSchema,
  updateProfile,
  type FieldErrors,
} from "#app/modules/members/member-account.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AccountPageHeader, CheckboxField, Notice, TextField } from "#portal/components/account-ui.tsx";

const PATH = "/account/profile";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const profile = await getProfile(db, principal.member.id);
  if (!profile) throw data(null, { status: 404 });
  const saved = new URL(request.url).searchParams.get("saved");
  return { profile, saved: saved === "1" ? ("saved" as const) : saved === "0" ? ("unchanged" as const) : null };
}

type ProfileValues = Partial<
  Record<"nickname" | "phone" | "title" | "province" | "city" | "address" | "realName" | "companyName", string>
> & {
  notifyByEmail: boolean;
  notifyNewsletter: boolean;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const form = Object.fromEntries(await request.formData());
  const values: ProfileValues = {
    ...Object.fromEntries(
      Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ),
    notifyByEmail: form.notifyByEmail === "on",
    notifyNewsletter: form.notifyNewsletter === "on",
  };
  const parsed = parseAccountForm(ProfileSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const result = await updateProfile(
    db,
    { memberId: principal.member.id, sessionId: principal.sessionId, ipAddress: clientIp(context) },
    parsed.data,
  );
  if (result.kind === "nickname-taken") {
    const fieldErrors: FieldErrors<string> = { nickname: "account.profile.nicknameTaken" };
    return data({ fieldErrors, values }, { status: 409 });
  }
  if (result.kind === "not-found") throw data(null, { status: 404 });
  // Post/redirect/get: a reload shows the saved page instead of posting again.
  return redirect(`${PATH}?saved=${result.changed.length > 0 ? 1 : 0}`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "account.profile.title");

export default function AccountProfile() {
  const { profile, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const saving = navigation.state === "submitting";
  const errors: FieldErrors<string> = result?.fieldErrors ?? {};
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  // After a refused save, show what the member typed (the page may have been rendered without JS).
  const value = (field: keyof ProfileValues & keyof typeof profile) =>
    result ? ((result.values[field] as string | undefined) ?? "") : ((profile[field] as string | null) ?? "");
  const checked = (field: "notifyByEmail" | "notifyNewsletter") => (result ? result.values[field] : profile[field]);

  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("account.profile.title")} description={t("account.profile.description")} />

      {result ? (
        <Notice tone="error">
          {errors.nickname === "account.profile.nicknameTaken"
            ? t("account.profile.nicknameTaken")
            : t("account.profile.fixErrors")}
        </Notice>
      ) : saved === "saved" ? (
        <Notice tone="success">{t("account.profile.saved")}</Notice>
      ) : saved === "unchanged" ? (
        <Notice tone="info">{t("account.profile.noChanges")}</Notice>
      ) : null}

      <Form method="post" noValidate className="space-y-6">
        <Section icon={<UserRound className="size-4" aria-hidden />} title={t("account.profile.section.public")}>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              name="nickname"
              label={t("account.profile.nickname")}
              hint={t("account.profile.nicknameHint")}
              error={error("nickname")}
              defaultValue={value("nickname")}
              autoComplete="nickname"
              maxLength={40}
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
        </Section>

        <Section icon={<Phone className="size-4" aria-hidden />} title={t("account.profile.section.contact")}>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              name="phone"
              type="tel"
              label={t("account.profile.phone")}
              error={error("phone")}
              defaultValue={value("phone")}
              autoComplete="tel"
              maxLength={30}
            />
            <TextField
              name="title"
              label={t("account.profile.jobTitle")}
              error={error("title")}
              defaultValue={value("title")}
              autoComplete="organization-title"
              maxLength={100}
            />
            <TextField
              name="province"
              label={t("account.profile.province")}
              error={error("province")}
              defaultValue={value("province")}
              autoComplete="address-level1"
              maxLength={50}
            />
            <TextField
              name="city"
              label={t("account.profile.city")}
              error={error("city")}
              defaultValue={value("city")}
              autoComplete="address-level2"
              maxLength={50}
            />
            <TextField
              name="address"
              label={t("account.profile.address")}
              error={error("address")}
              defaultValue={value("address")}
              autoComplete="street-address"
              maxLength={255}
              className="sm:col-span-2"
            />
          </div>
        </Section>

        <Section
          icon={<IdCard className="size-4" aria-hidden />}
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
            <dl className="grid gap-5 text-sm sm:grid-cols-2">
              <ReadOnly
                label={t("account.profile.realName")}
                value={profile.realName}
                empty={t("account.profile.notSet")}
              />
              <ReadOnly
                label={t("account.profile.companyName")}
                value={profile.companyName}
                empty={t("account.profile.notSet")}
              />
            </dl>
          ) : (
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                name="realName"
                label={t("account.profile.realName")}
                error={error("realName")}
                defaultValue={value("realName")}
                autoComplete="name"
                maxLength={50}
              />
              <TextField
                name="companyName"
                label={t("account.profile.companyName")}
                error={error("companyName")}
                defaultValue={value("companyName")}
                autoComplete="organization"
                maxLength={200}
              />
            </div>
          )}
        </Section>

        <Section icon={<Bell className="size-4" aria-hidden />} title={t("account.profile.section.notifications")}>
          <div className="space-y-1">
            <CheckboxField
              name="notifyByEmail"
              label={t("account.profile.notifyByEmail")}
              defaultChecked={checked("notifyByEmail")}
            />
            <CheckboxField
              name="notifyNewsletter"
              label={t("account.profile.notifyNewsletter")}
              defaultChecked={checked("notifyNewsletter")}
            />
          </div>
        </Section>

        <div className="flex justify-end">
          <Button type="submit" disabled={saving} className="w-full sm:w-auto">
            {saving ? t("account.profile.saving") : t("account.profile.save")}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function Section({
  icon,
  title,
  description,
  action,
  children,
}: {
  icon: ReactNode;
  title: string;
  description?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader icon={icon} title={title} description={description} action={action} />
      <div className="px-5 py-5">{children}</div>
    </Card>
  );
}

function ReadOnly({ label, value, empty }: { label: string; value: string | null; empty: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1 font-medium text-slate-900">{value ?? <span className="text-slate-400">{empty}</span>}</dd>
    </div>
  );
}
