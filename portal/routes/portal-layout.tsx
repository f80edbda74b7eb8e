import { Outlet, useLoaderData } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { PortalFooter } from "#portal/components/portal-footer.tsx";
import { PortalHeader } from "#portal/components/portal-header.tsx";

// The year comes from the server so the rendered footer and the hydrated one always agree.
export function loader() {
  return { year: new Date().getFullYear() };
}

export default function PortalLayout() {
  const { year } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-blue-600 px-3 py-2 text-sm text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("portal.skipToContent")}
      </a>
      <PortalHeader />
      <main id="main" className="flex-1">
        <Outlet />
      </main>
      <PortalFooter year={year} />
    </div>
  );
}
