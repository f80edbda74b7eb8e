import { IdCard, UserPlus, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";

/** A wide white card inviting a visitor to do one thing: icon, title and text, actions on the right. */
function InviteBand({
  icon: Icon,
  tint,
  title,
  body,
  children,
}: {
  icon: LucideIcon;
  /** Icon chip colours. */
  tint: string;
  title: string;
  body: string;
  /** The band's buttons. */
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col items-start gap-6 rounded-2xl border border-slate-200/80 bg-white p-8 shadow-sm sm:p-10 lg:flex-row lg:items-center lg:justify-between">
      <div className="flex items-start gap-4">
        <span className={cn("hidden size-12 shrink-0 items-center justify-center rounded-xl ring-1 sm:flex", tint)}>
          <Icon aria-hidden className="size-6" />
        </span>
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
          <p className="mt-2 max-w-2xl text-[15px] leading-7 text-slate-600">{body}</p>
        </div>
      </div>
      {children}
    </section>
  );
}

/**
 * The closing invitations for visitors (members are already in): 来宾登记 for people at a fair or on
 * a visit (no account, a named person calls back), then registering or signing in.
 */
export function VisitorBands() {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-7xl space-y-8 px-4 pb-20 sm:px-6 sm:pb-24 lg:px-8">
      <InviteBand
        icon={IdCard}
        tint="bg-sky-50 text-sky-600 ring-sky-100"
        title={t("portal.home.guest.title")}
        body={t("portal.home.guest.body")}
      >
        <ButtonLink to="/guest-registration" variant="secondary" size="lg" className="shrink-0">
          {t("portal.home.guest.cta")}
        </ButtonLink>
      </InviteBand>
      <InviteBand
        icon={UserPlus}
        tint="bg-rose-50 text-rose-600 ring-rose-100"
        title={t("portal.home.cta.title")}
        body={t("portal.home.cta.body")}
      >
        <div className="flex shrink-0 flex-wrap gap-3">
          <ButtonLink to="/register" size="lg">
            {t("portal.home.cta.register")}
          </ButtonLink>
          <ButtonLink to="/login" size="lg" variant="ghost">
            {t("portal.home.cta.login")}
          </ButtonLink>
        </div>
      </InviteBand>
    </div>
  );
}
