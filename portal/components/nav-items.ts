import {
  BookOpen,
  Building2,
  GraduationCap,
  Home,
  PackageSearch,
  Send,
  ShoppingCart,
  type LucideIcon,
} from "lucide-react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";

export interface PortalNavItem {
  to: string;
  label: MessageKey;
  icon: LucideIcon;
}

// The portal's areas, in the order the navigation shows them.
export const PORTAL_NAV: readonly PortalNavItem[] = [
  { to: "/", label: "portal.nav.home", icon: Home },
  { to: "/knowledge", label: "portal.nav.knowledge", icon: BookOpen },
  { to: "/forum", label: "portal.nav.forum", icon: GraduationCap },
  { to: "/requirements", label: "portal.nav.requirements", icon: Send },
  { to: "/products", label: "portalCatalog.nav", icon: PackageSearch },
  { to: "/order", label: "portal.nav.order", icon: ShoppingCart },
  { to: "/zone", label: "portal.nav.zone", icon: Building2 },
];
