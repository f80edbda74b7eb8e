import {
  ArrowRight,
  BookOpen,
  Building2,
  GraduationCap,
  Send,
  ShoppingCart,
  UserPlus,
  type LucideIcon,
} from "lucide-react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { SectionHeading } from "./section-heading.tsx";

interface Feature {
  to: string;
  icon: LucideIcon;
  title: MessageKey;
  body: MessageKey;
  /** Icon chip colours; each area gets its own so the grid scans quickly. */
  tint: string;
  /** Not shipped yet: the card says so instead of promising it. */
  soon?: boolean;
}

const FEATURES: readonly Feature[] = [
  {
    to: "/knowledge",
    icon: BookOpen,
    title: "portal.home.features.knowledge.title",
    body: "portal.home.features.knowledge.body",
    tint: "bg-blue-50 text-blue-600 ring-blue-100",
  },
  {
    to: "/forum",
    icon: GraduationCap,
    title: "portal.home.features.forum.title",
    body: "portal.home.features.forum.body",
    tint: "bg-violet-50 text-violet-600 ring-violet-100",
  },
  {
    to: "/requirements",
    icon: Send,
    title: "portal.home.features.requirements.title",
    body: "portal.home.features.requirements.body",
    tint: "bg-sky-50 text-sky-600 ring-sky-100",
  },
  {
    to: "/order",
    icon: ShoppingCart,
    title: "portal.home.features.order.title",
    body: "portal.home.features.order.body",
    tint: "bg-emerald-50 text-emerald-600 ring-emerald-100",
  },
  {
    to: "/zone",
    icon: Building2,
    title: "portal.home.features.zone.title",
    body: "portal.home.features.zone.body",
    tint: "bg-amber-50 text-amber-600 ring-amber-100",
  },
  {
    to: "/register",
    icon: UserPlus,
    title: "portal.home.features.register.title",
    body: "portal.home.features.register.body",
    tint: "bg-rose-50 text-rose-600 ring-rose-100",
  },
];

/** One card per portal area, linking to it; areas still to come carry the 即将上线 badge. */
export function FeatureGrid() {
  const { t } = useI18n();
  return (
    <section className="mx-auto max-w-7xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
      <SectionHeading
        eyebrow={t("portal.home.features.eyebrow")}
        title={t("portal.home.features.title")}
        body={t("portal.home.features.body")}
      />
      <ul className="mt-14 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {FEATURES.map((feature) => (
          <li key={feature.to}>
            <Link
              to={feature.to}
              className="group flex h-full flex-col rounded-2xl border border-slate-200/80 bg-white p-6 shadow-sm transition hover:-translate-y-0.5 hover:border-blue-200 hover:shadow-lg hover:shadow-blue-900/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              <IconChip icon={feature.icon} className={cn("size-11 rounded-xl ring-1", feature.tint)} />
              <h3 className="mt-5 flex items-center gap-2 text-lg font-semibold text-slate-900">
                {t(feature.title)}
                {feature.soon ? <Badge tone="amber">{t("portal.soon.badge")}</Badge> : null}
              </h3>
              <p className="mt-2 flex-1 text-[15px] leading-7 text-slate-600">{t(feature.body)}</p>
              <span className="mt-5 inline-flex items-center gap-1 text-sm font-medium text-blue-700">
                {t("portal.home.features.learnMore")}
                <ArrowRight aria-hidden className="size-4 transition-transform group-hover:translate-x-1" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
