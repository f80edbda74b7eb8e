import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { readFlash, withoutFlash } from "#app/lib/flash.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "./cn.ts";
import { FormNotice } from "./form/form-notice.tsx";

/**
 * The one place a flash (`?flash=<key>`, app/lib/flash.ts) is shown: once per shell layout, above the
 * page. After it has been shown the flag is taken out of the address bar (history.replaceState, no
 * navigation), so a reload or a copied link does not repeat it.
 */
export function FlashBanner({ className }: { className?: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const flash = readFlash(new URLSearchParams(location.search));
  const [dismissed, setDismissed] = useState<string | null>(null);
  const identity = `${location.key}:${location.search}`;

  const flashKey = flash?.key ?? null;
  useEffect(() => {
    if (!flashKey) return;
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    const clean = withoutFlash(current);
    // Keep React Router's history state so back/forward still restore this entry.
    if (clean !== current) window.history.replaceState(window.history.state, "", clean);
  }, [flashKey, location.search]);

  if (!flash || dismissed === identity) return null;
  return (
    <div className={cn("mx-auto w-full", className)}>
      <FormNotice tone={flash.tone} className="items-center">
        <div className="flex items-center justify-between gap-3">
          <span>{t(flash.key, flash.vars.count === undefined ? undefined : { count: flash.vars.count })}</span>
          <button
            type="button"
            onClick={() => setDismissed(identity)}
            className="-my-1 rounded-md p-1 opacity-70 hover:bg-black/5 hover:opacity-100"
            aria-label={t("form.dismiss")}
          >
            <X aria-hidden className="size-4" />
          </button>
        </div>
      </FormNotice>
    </div>
  );
}
