import { ArrowLeft, Hourglass } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isModule } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { CheckList } from "#app/ui/check-list.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { moduleName } from "#backoffice/components/nav.ts";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// A module of the navigation that is not built yet (/crm/:module): what it will do, for those whose
// role may browse it.

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The guard answers first: a visitor goes to sign-in whatever the URL, an unknown module is a 404.
  const module = params.module ?? "";
  await requireStaffActor(request, isModule(module) ? { module, action: "browse" } : "signedIn");
  if (!isModule(module)) throw data(null, { status: 404 });
  return { module };
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, loaderData ? moduleName(loaderData.module) : "app.name");

export default function ModulePlaceholder() {
  const { module } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const name = t(moduleName(module));
  const features = [
    t(`backoffice.module.${module}.f1`),
    t(`backoffice.module.${module}.f2`),
    t(`backoffice.module.${module}.f3`),
  ];

  return (
    <div className="space-y-8">
      <ModulePageHeader module={module} title={name} description={t(`backoffice.module.${module}.summary`)} />

      <Card className="relative overflow-hidden">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-x-0 top-0 h-40 bg-[radial-gradient(40rem_10rem_at_50%_0%,rgb(219_234_254/0.6),transparent)]"
        />
        <div className="relative mx-auto flex max-w-2xl flex-col items-center px-6 py-14 text-center sm:py-16">
          <span className="flex size-14 items-center justify-center rounded-2xl bg-white text-blue-600 shadow-md ring-1 ring-slate-200">
            <Hourglass aria-hidden className="size-6" />
          </span>
          <Badge tone="amber" className="mt-5">
            {t("common.comingSoon")}
          </Badge>
          <h2 className="mt-3 text-xl font-semibold text-slate-900">
            {t("backoffice.placeholder.title", { module: name })}
          </h2>
          <p className="mt-2 text-[15px] leading-7 text-slate-500">{t("backoffice.placeholder.body")}</p>
          <CheckList
            items={features}
            className="mt-6 w-full rounded-xl bg-slate-50 p-5 text-left ring-1 ring-slate-100"
          />
          <ButtonLink to="/crm" variant="secondary" icon={ArrowLeft} className="mt-8">
            {t("backoffice.placeholder.back")}
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
