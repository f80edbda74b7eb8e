import { Menu, X } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { useClosingDetails } from "#app/ui/use-closing-details.ts";
import type { NavGroup } from "./nav.ts";
import { SidebarContent } from "./sidebar.tsx";
import type { ShellUser } from "./types.ts";

/**
 * Small screens: a <details> disclosure, so the drawer opens and closes without JS (the toggle stays
 * above the overlay). Once hydrated it also closes on navigation, backdrop click and Escape.
 */
export function MobileNav({ groups, user }: { groups: NavGroup[]; user: ShellUser }) {
  const { t } = useI18n();
  const { ref, close } = useClosingDetails();

  return (
    <details
      ref={ref}
      className="group lg:hidden"
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
    >
      <summary
        aria-label={t("backoffice.nav.open")}
        className="relative z-50 flex size-10 cursor-pointer list-none items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <Menu aria-hidden className="size-5 group-open:hidden" />
        <X aria-hidden className="hidden size-5 group-open:block" />
      </summary>
      <div
        aria-hidden
        className="fixed inset-x-0 top-16 bottom-0 z-40 bg-slate-900/40 backdrop-blur-[2px]"
        onClick={close}
      />
      <div className="fixed top-16 bottom-0 left-0 z-50 w-72 max-w-[85vw] bg-slate-950 shadow-2xl">
        <SidebarContent groups={groups} user={user} />
      </div>
    </details>
  );
}
