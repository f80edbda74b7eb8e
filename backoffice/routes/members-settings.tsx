import { ArrowLeft, CircleCheck, Settings2, ShieldCheck } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaff } from "#app/modules/auth/staff-guard.server.ts";
import { canManageMemberSettings } from "#app/modules/members/member-admin.server.ts";
import { getMemberSettings, updateMemberSettings } from "#app/modules/members/member-moderation.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { MemberAdminErrorBoundary } from "#backoffice/components/member-admin-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";

const PATH = "/crm/members/settings";

/** Site-wide member settings: administrators, or staff who may modify members with scope "all". */
async function requireSettingsAccess(request: Request) {
  const principal = await requireStaff(request);
  if (!canManageMemberSettings(principal)) throw data(null, { status: 403 });
  return principal;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSettingsAccess(request);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    settings: await getMemberSettings(db),
    flash: saved === "1" ? ("saved" as const) : saved === "0" ? ("unchanged" as const) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requireSettingsAccess(request);
  const form = await request.formData();
  if (form.get("intent") !== "save") throw data({ error: "unknown intent" }, { status: 400 });
  // An unticked checkbox sends nothing: absence means "off".
  const requireRealNameVerification = form.get("requireRealNameVerification") === "on";
  const changed = await updateMemberSettings(
    db,
    principal,
    { requireRealNameVerification },
    { ipAddress: clientIp(context) },
  );
  return redirect(`${PATH}?saved=${changed ? "1" : "0"}`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "memberAdmin.settings.title");

export default function MemberSettingsPage() {
  const { settings, flash } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";

  return (
    <div className="space-y-6">
      <Link to="/crm/members" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        {t("memberAdmin.detail.back")}
      </Link>
      <PageHeader
        eyebrow={t("memberAdmin.eyebrow")}
        title={t("memberAdmin.settings.title")}
        description={t("memberAdmin.settings.description")}
        icon={<Settings2 className="size-6" aria-hidden />}
      />

      {flash ? (
        <div
          role="status"
          className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>{t(flash === "saved" ? "memberAdmin.settings.saved" : "memberAdmin.settings.unchanged")}</p>
        </div>
      ) : null}

      <Card className="max-w-3xl">
        <CardHeader icon={<ShieldCheck className="size-4" aria-hidden />} title={t("memberAdmin.settings.cardTitle")} />
        <Form method="post">
          <input type="hidden" name="intent" value="save" />
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
            <Button type="submit" disabled={busy}>
              {t("memberAdmin.settings.save")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <MemberAdminErrorBoundary error={error} />;
}
