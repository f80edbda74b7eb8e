import { Menu, X } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { frameIcon } from "#app/ui/shell/frame-icon.ts";
import { useClosingDetails } from "#app/ui/use-closing-details.ts";

/**
 * Small screens: a <details> disclosure, so the drawer opens and closes without JS (the toggle stays
 * above the overlay). Once hydrated it also closes on navigation, backdrop click and Escape. The
 * drawer is the desktop sidebar itself, shown by CSS while this is open: one copy of the navigation
 * in the page instead of two (a fifth of the elements of a list page, bench/page-cost.ts).
 */
export function MobileNav() {
  const { t } = useI18n();
  const { ref, close } = useClosingDetails();

  return (
    <details
      ref={ref}
      // crm-layout's sidebar shows itself as the drawer while this is open: body:has(#crm-nav-toggle[open]).
      id="crm-nav-toggle"
      className="group lg:hidden"
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
    >
      <summary
        aria-label={t("backoffice.nav.open")}
        className="relative z-50 flex size-10 cursor-pointer list-none items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        {frameIcon(Menu, "size-5 group-open:hidden")}
        {frameIcon(X, "hidden size-5 group-open:block")}
      </summary>
      <div
        aria-hidden
        className="fixed inset-x-0 top-16 bottom-0 z-40 bg-slate-900/40 backdrop-blur-[2px]"
        onClick={close}
      />
    </details>
  );
}
