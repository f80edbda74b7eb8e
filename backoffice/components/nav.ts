import {
  Building2,
  ChartColumn,
  Contact,
  GraduationCap,
  Headset,
  IdCard,
  LayoutDashboard,
  LibraryBig,
  Mail,
  Megaphone,
  Package,
  Settings,
  Target,
  Magnet,
  MessagesSquare,
  Route,
  Tags,
  Split,
  Boxes,
  FileSignature,
  DoorOpen,
  UserSearch,
  CopyCheck,
  KeyRound,
  Trash2,
  ClipboardCheck,
  BadgePercent,
  FileText,
  ReceiptText,
  BookOpenText,
  FileStack,
  type LucideIcon,
} from "lucide-react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { isModule, type Module } from "#app/modules/auth/permissions.ts";

export const MODULE_ICONS: Record<Module, LucideIcon> = {
  leads: Magnet,
  campaigns: Megaphone,
  companies: Building2,
  contacts: Contact,
  opportunities: Target,
  catalog: Package,
  service: Headset,
  knowledge: LibraryBig,
  forum: GraduationCap,
  members: IdCard,
  reports: ChartColumn,
  admin: Settings,
};

type GroupKey = "marketing" | "sales" | "service" | "portal" | "analytics" | "system";

// Sidebar order and grouping; a module appears only when the user may browse it.
const GROUPS: ReadonlyArray<{ key: GroupKey; modules: readonly Module[] }> = [
  { key: "marketing", modules: ["leads", "campaigns"] },
  { key: "sales", modules: ["companies", "contacts", "opportunities", "catalog"] },
  { key: "service", modules: ["service", "knowledge", "forum"] },
  { key: "portal", modules: ["members"] },
  { key: "analytics", modules: ["reports"] },
  { key: "system", modules: ["admin"] },
];

export interface NavItem {
  to: string;
  label: MessageKey;
  icon: LucideIcon;
  /** Match the path exactly (the dashboard would otherwise be active everywhere under /crm). */
  end?: boolean;
  /** An unread count shown beside the label (hidden when 0). */
  badge?: number;
  /** What the count means for screen readers ("{count} unread" when unset); takes {count}. */
  badgeLabel?: MessageKey;
}

export interface NavGroup {
  label: MessageKey | null;
  items: NavItem[];
}

export function moduleName(module: Module): MessageKey {
  return `backoffice.module.${module}.name`;
}

export function moduleGroupLabel(module: Module): MessageKey {
  const group = GROUPS.find((g) => g.modules.includes(module));
  return `backoffice.nav.group.${group?.key ?? "system"}`;
}

export const DEV_MAIL_PATH = "/crm/dev/mail";
export const MESSAGES_PATH = "/crm/messages";
export const NOTIFICATIONS_PATH = "/crm/notifications";
export const RULES_CATEGORIES_PATH = "/crm/rules/categories";
export const RULES_TOKEN_GROUPS_PATH = "/crm/rules/token-groups";
export const RULES_DISTRIBUTION_PATH = "/crm/rules/distribution";
export const ZONES_PATH = "/crm/zones";
export const FIND_PERSON_PATH = "/crm/match";
export const ASSETS_PATH = "/crm/assets";
export const SERVICE_CONTRACTS_PATH = "/crm/service-contracts";
export const DUPLICATES_PATH = "/crm/duplicates";
export const ACCESS_REQUESTS_PATH = "/crm/access-requests";
export const RECYCLE_BIN_PATH = "/crm/recycle-bin";
export const APPROVALS_QUEUE_PATH = "/crm/approvals";
export const QUOTES_NAV_PATH = "/crm/quotes";
export const SALES_ORDERS_PATH = "/crm/sales-orders";
export const CONTRACTS_NAV_PATH = "/crm/contracts";
export const PROPOSALS_NAV_PATH = "/crm/proposals";
export const CONTRACT_TEMPLATES_PATH = "/crm/contract-templates";

/** Extra entries that depend on more than "may browse module X"; the layout loader works them out. */
export interface NavExtras {
  /** Staff-side unread site messages, or null when the user may not read them (no members:browse). */
  messagesUnread: number | null;
  /** 营销规则 (registration categories, token groups): leads:modify with scope all. */
  canManageRules: boolean;
  /** 回收站: the bin permission on at least one module (recycle-bin/bin-permission.ts). */
  canUseRecycleBin?: boolean;
  /** 待我审核: requests waiting for the user's vote (the item shows for every staff member). */
  approvalsAwaiting?: number;
  /** 营销战役 without the campaigns grant: the user takes part in a campaign (their list shows those). */
  campaignParticipant?: boolean;
}

export function buildNav(
  allowed: readonly Module[],
  isAdmin: boolean,
  extras: NavExtras = { messagesUnread: null, canManageRules: false },
): NavGroup[] {
  const groups: NavGroup[] = [
    {
      label: null,
      items: [
        { to: "/crm", label: "backoffice.nav.dashboard", icon: LayoutDashboard, end: true },
        {
          to: APPROVALS_QUEUE_PATH,
          label: "adminSystem.queue.title",
          icon: ClipboardCheck,
          badge: extras.approvalsAwaiting ?? 0,
          badgeLabel: "adminSystem.queue.badge",
        },
      ],
    },
  ];
  for (const group of GROUPS) {
    const items: NavItem[] = group.modules
      .filter((m) => allowed.includes(m))
      .map((m) => ({ to: `/crm/${m}`, label: moduleName(m), icon: MODULE_ICONS[m] }));
    // A campaign participant reaches the campaigns they take part in without the module grant.
    if (group.key === "marketing" && extras.campaignParticipant && !allowed.includes("campaigns")) {
      items.push({ to: "/crm/campaigns", label: moduleName("campaigns"), icon: MODULE_ICONS.campaigns });
    }
    // The rules decide who receives every web lead: company-wide lead managers only.
    if (group.key === "marketing" && extras.canManageRules) {
      items.push(
        { to: RULES_CATEGORIES_PATH, label: "backoffice.nav.rulesCategories", icon: Tags },
        { to: RULES_TOKEN_GROUPS_PATH, label: "backoffice.nav.rulesTokenGroups", icon: Route },
        { to: RULES_DISTRIBUTION_PATH, label: "backoffice.nav.rulesDistribution", icon: Split },
      );
    }
    // 查找此人: the fuzzy "find this person" box sits beside the contacts it searches.
    if (group.key === "sales" && allowed.includes("contacts")) {
      const at = items.findIndex((i) => i.to === "/crm/contacts");
      items.splice(at + 1, 0, { to: FIND_PERSON_PATH, label: "backoffice.nav.findPerson", icon: UserSearch });
    }
    // 报价单 follow the opportunities they quote (issue #18 item 5).
    const opportunitiesAt = items.findIndex((i) => i.to === "/crm/opportunities");
    if (opportunitiesAt >= 0)
      items.splice(opportunitiesAt + 1, 0, { to: QUOTES_NAV_PATH, label: "quotes.nav", icon: FileText });
    // The catalog module is its products and its price schemes (issue #18).
    const catalogAt = items.findIndex((i) => i.to === "/crm/catalog");
    if (catalogAt >= 0) {
      items.splice(
        catalogAt,
        1,
        { to: "/crm/products", label: moduleName("catalog"), icon: MODULE_ICONS.catalog },
        { to: "/crm/price-schemes", label: "catalog.nav.priceSchemes", icon: BadgePercent },
      );
    }
    // 销售订单 follow the opportunities they come from (same grant, decision 046).
    if (group.key === "sales" && allowed.includes("opportunities")) {
      const at = items.findIndex((i) => i.to === "/crm/opportunities");
      items.splice(at + 1, 0, { to: SALES_ORDERS_PATH, label: "orders.title", icon: ReceiptText });
    }
    // 合同 and 提议 follow the quotes they are made from (opportunities grants, decision 045).
    if (group.key === "sales" && allowed.includes("opportunities")) {
      const at = items.findIndex((i) => i.to === QUOTES_NAV_PATH);
      items.splice(
        at + 1,
        0,
        { to: CONTRACTS_NAV_PATH, label: "backoffice.nav.salesContracts", icon: FileSignature },
        { to: PROPOSALS_NAV_PATH, label: "backoffice.nav.proposals", icon: BookOpenText },
      );
    }
    if (group.key === "system" && allowed.includes("admin")) {
      items.push({ to: CONTRACT_TEMPLATES_PATH, label: "backoffice.nav.documentTemplates", icon: FileStack });
    }
    // Duplicate review and access requests serve both companies and contacts.
    if (group.key === "sales" && (allowed.includes("contacts") || allowed.includes("companies"))) {
      items.push(
        { to: DUPLICATES_PATH, label: "recordAdmin.duplicates.title", icon: CopyCheck },
        { to: ACCESS_REQUESTS_PATH, label: "recordAdmin.access.title", icon: KeyRound },
      );
    }
    if (group.key === "system" && extras.canUseRecycleBin) {
      items.push({ to: RECYCLE_BIN_PATH, label: "recordAdmin.bin.title", icon: Trash2 });
    }
    // Zones, customer assets and service contracts belong to the service desk.
    if (group.key === "service" && allowed.includes("service")) {
      items.splice(
        1,
        0,
        { to: ZONES_PATH, label: "backoffice.nav.zones", icon: DoorOpen },
        { to: ASSETS_PATH, label: "backoffice.nav.assets", icon: Boxes },
        { to: SERVICE_CONTRACTS_PATH, label: "backoffice.nav.serviceContracts", icon: FileSignature },
      );
    }
    // Site messages from portal members sit beside the member list.
    if (group.key === "portal" && extras.messagesUnread !== null) {
      items.push({
        to: MESSAGES_PATH,
        label: "backoffice.nav.messages",
        icon: MessagesSquare,
        badge: extras.messagesUnread,
      });
    }
    // The development mailbox is an admin tool that lives under 系统.
    if (group.key === "system" && isAdmin) items.push({ to: DEV_MAIL_PATH, label: "common.devMailbox", icon: Mail });
    if (items.length > 0) groups.push({ label: `backoffice.nav.group.${group.key}`, items });
  }
  return groups;
}

/** The top bar's title for the current path. */
export function areaTitle(pathname: string): MessageKey {
  const rest = pathname.replace(/^\/crm\/?/, "");
  if (rest === "") return "backoffice.nav.dashboard";
  const under = (prefix: string) => rest === prefix || rest.startsWith(`${prefix}/`);
  if (under("dev/mail")) return "common.devMailbox";
  if (under("messages")) return "backoffice.nav.messages";
  if (under("notifications")) return "backoffice.nav.notifications";
  if (under("rules/categories")) return "backoffice.nav.rulesCategories";
  if (under("rules/token-groups")) return "backoffice.nav.rulesTokenGroups";
  if (under("rules/distribution")) return "backoffice.nav.rulesDistribution";
  if (under("zones")) return "backoffice.nav.zones";
  if (under("assets")) return "backoffice.nav.assets";
  if (under("service-contracts")) return "backoffice.nav.serviceContracts";
  if (under("approvals")) return "adminSystem.queue.title";
  if (under("quotes")) return "quotes.title";
  if (under("sales-orders")) return "orders.title";
  if (under("contracts")) return "contracts.title";
  if (under("proposals")) return "proposals.title";
  if (under("contract-templates")) return "contracts.templates.title";
  if (under("search")) return "common.search";
  if (under("match")) return "backoffice.nav.findPerson";
  const first = rest.split("/")[0] ?? "";
  return isModule(first) ? moduleName(first) : "app.name";
}
