import { Settings2, ShieldCheck } from "lucide-react";
import { data, Form, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { formIntent, parseForm } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { checkbox } from "#app/lib/schemas.ts";
import { fail } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { MEMBER_SETTINGS } from "#app/modules/members/member-admin.server.ts";
import { getMemberSettings, updateMemberSettings } from "#app/modules/members/member-moderation.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// Site-wide member settings (/crm/members/settings).

const PATH = "/crm/members/settings";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, MEMBER_SETTINGS);
  return { settings: await getMemberSettings(db) };
}

// An unticked checkbox sends nothing: absence means "off".
const SettingsSchema = z.object({ requireRealNameVerification: checkbox() });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, MEMBER_SETTINGS);
  const formData = await request.formData();
  if (formIntent(formData) !== "save") throw data(null, { status: 400 });
  const parsed = await parseForm(formData, SettingsSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const changed = await updateMemberSettings(db, actor, parsed.value, {
    ipAddress: clientIp(context),
  });
  return redirectWithFlash(PATH, changed ? "flash.memberAdmin.settingsSaved" : "flash.info.noChanges");
}

export const meta = titleMeta("memberAdmin.settings.title");

export default function MemberSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();

  return (
    <div className="space-y-6">
      <BackLink to="/crm/members">{t("memberAdmin.detail.back")}</BackLink>
      <PageHeader
        eyebrow={t("memberAdmin.eyebrow")}
        title={t("memberAdmin.settings.title")}
        description={t("memberAdmin.settings.description")}
        icon={<Settings2 className="size-6" aria-hidden />}
      />

      <Card className="max-w-3xl">
        <CardHeader icon={<ShieldCheck className="size-4" aria-hidden />} title={t("memberAdmin.settings.cardTitle")} />
        <Form method="post">
          <CardBody className="space-y-4">
            <label htmlFor="require-real-name" className="flex cursor-pointer items-start justify-between gap-6">
              <span className="min-w-0">
                <span className="block text-sm font-medium text-slate-900">
                  {t("memberAdmin.settings.requireRealName")}
                </span>
                <span id="require-real-name-hint" className="mt-1 block text-sm text-slate-500">
                  {t("memberAdmin.settings.requireRealNameHint")}
                </span>
              </span>
              {/* A real checkbox styled as a switch: it works without JavaScript and reads as a switch. */}
              <span className="relative mt-0.5 inline-flex shrink-0">
                <input
                  id="require-real-name"
                  type="checkbox"
                  role="switch"
                  name="requireRealNameVerification"
                  defaultChecked={settings.requireRealNameVerification}
                  aria-describedby="require-real-name-hint"
                  className="peer h-6 w-11 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors checked:bg-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                />
                <span
                  aria-hidden
                  className="pointer-events-none absolute top-0.5 left-0.5 size-5 rounded-full bg-white shadow transition-transform peer-checked:translate-x-5"
                />
              </span>
            </label>
          </CardBody>
          <div className="flex flex-col gap-3 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-xs text-slate-500">
              {settings.updatedAt && settings.updatedBy
                ? t("memberAdmin.settings.lastChanged", {
                    name: settings.updatedBy,
                    date: formatDateTime(settings.updatedAt, locale),
                  })
                : t("memberAdmin.settings.neverChanged")}
            </p>
            <SubmitButton intent="save" pendingLabel={t("common.saving")}>
              {t("memberAdmin.settings.save")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/members" backLabel="memberAdmin.detail.back" />;
}
