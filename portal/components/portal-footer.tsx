import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";
import { Logo } from "#app/ui/logo.tsx";
import { FrameLink, useFrameLinkClick } from "#app/ui/shell/frame-links.tsx";

const COLUMNS: ReadonlyArray<{ title: MessageKey; links: ReadonlyArray<{ to: string; label: MessageKey }> }> = [
  {
    title: "portal.footer.selfService",
    links: [
      { to: "/requirements", label: "portal.nav.requirements" },
      { to: "/guest-registration", label: "portal.nav.guestRegistration" },
      { to: "/order", label: "portal.nav.order" },
      { to: "/zone", label: "portal.nav.zone" },
    ],
  },
  {
    title: "portal.footer.community",
    links: [
      { to: "/knowledge", label: "portal.nav.knowledge" },
      { to: "/forum", label: "portal.nav.forum" },
    ],
  },
];

const MEMBERSHIP_VISITOR: ReadonlyArray<{ to: string; label: MessageKey }> = [
  { to: "/login", label: "portal.nav.login" },
  { to: "/register", label: "portal.nav.register" },
  { to: "/crm", label: "portal.footer.staffLogin" },
];

const MEMBERSHIP_MEMBER: ReadonlyArray<{ to: string; label: MessageKey }> = [
  { to: "/account", label: "portal.member.account" },
  { to: "/account/messages", label: "portal.member.messages" },
  { to: "/crm", label: "portal.footer.staffLogin" },
];

/** The company's footer details from 本公司 (/crm/admin/company); any may be unset. */
export interface FooterDetails {
  name: string | null;
  hotline: string | null;
  icpNumber: string | null;
  address: string | null;
}

export function PortalFooter({
  year,
  signedIn = false,
  details,
}: {
  year: number;
  signedIn?: boolean;
  details?: FooterDetails;
}) {
  const { t } = useI18n();
  // Plain anchors with one click handler for the footer (app/ui/shell/frame-links.tsx, decision 064).
  const onFrameLinkClick = useFrameLinkClick();
  const columns = [
    ...COLUMNS,
    { title: "portal.footer.membership" as const, links: signedIn ? MEMBERSHIP_MEMBER : MEMBERSHIP_VISITOR },
  ];
  return (
    <footer className="bg-slate-950 text-slate-400" onClick={onFrameLinkClick}>
      <div className="mx-auto max-w-7xl px-4 pt-14 pb-8 sm:px-6 lg:px-8">
        <div className="grid gap-10 lg:grid-cols-12">
          <div className="lg:col-span-5">
            <Logo tone="dark" />
            <p className="mt-4 max-w-sm text-sm leading-6">{t("portal.footer.blurb")}</p>
            {details?.hotline || details?.address ? (
              <address className="mt-4 space-y-1 text-sm leading-6 not-italic">
                {details.hotline ? (
                  <p>
                    {t("adminSystem.footer.hotline")}{" "}
                    <a href={`tel:${details.hotline.replace(/[^\d+]/g, "")}`} className="text-white hover:underline">
                      {details.hotline}
                    </a>
                  </p>
                ) : null}
                {details.address ? <p>{details.address}</p> : null}
              </address>
            ) : null}
          </div>
          <div className="grid grid-cols-2 gap-8 sm:grid-cols-3 lg:col-span-7">
            {columns.map((column) => (
              <div key={column.title}>
                <h2 className="text-sm font-semibold text-white">{t(column.title)}</h2>
                <ul className="mt-4 space-y-3 text-sm">
                  {column.links.map((link) => (
                    <li key={link.to}>
                      <FrameLink to={link.to} className="transition-colors hover:text-white">
                        {t(link.label)}
                      </FrameLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
        <div className="mt-12 flex flex-col gap-4 border-t border-white/10 pt-6 text-xs sm:flex-row sm:items-center sm:justify-between">
          <p className="flex flex-col gap-1 sm:flex-row sm:gap-0">
            <span>{t("portal.footer.copyright", { year })}</span>
            <span aria-hidden className="mx-2 hidden text-slate-600 sm:inline">
              ·
            </span>
            <span>{t("portal.footer.madeFor")}</span>
            {details?.icpNumber ? (
              <>
                <span aria-hidden className="mx-2 hidden text-slate-600 sm:inline">
                  ·
                </span>
                {/* The 备案 number links to the MIIT register, as Chinese sites are required to. */}
                <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer" className="hover:text-white">
                  {details.icpNumber}
                </a>
              </>
            ) : null}
          </p>
          <LocaleSwitcher tone="dark" className="-ml-2.5 sm:ml-0" />
        </div>
      </div>
    </footer>
  );
}
