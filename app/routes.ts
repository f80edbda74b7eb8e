import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

// Surfaces live outside app/: the portal at "/", the back office at "/crm". File paths are relative
// to app/; ids are given explicitly so they read "portal/…" and "crm/…" rather than "../portal/…".
export default [
  route("healthz", "routes/healthz.ts", { id: "healthz" }),
  route("locale", "routes/locale.ts", { id: "locale" }),
  route("api/v1/leads", "routes/api-v1-leads.ts", { id: "api/v1/leads" }),
  route("api/v1/openapi.json", "routes/api-v1-openapi.ts", { id: "api/v1/openapi" }),

  layout("../portal/routes/portal-layout.tsx", { id: "portal" }, [
    index("../portal/routes/home.tsx", { id: "portal/home" }),
    route("knowledge", "../portal/routes/knowledge.tsx", { id: "portal/knowledge" }),
    route("forum", "../portal/routes/forum.tsx", { id: "portal/forum" }),
    route("requirements", "../portal/routes/requirements.tsx", { id: "portal/requirements" }),
    route("order", "../portal/routes/order.tsx", { id: "portal/order" }),
    route("guest-registration", "../portal/routes/guest-registration.tsx", { id: "portal/guest-registration" }),
    route("zone", "../portal/routes/zone.tsx", { id: "portal/zone" }),
    route("login", "../portal/routes/login.tsx", { id: "portal/login" }),
    route("register", "../portal/routes/register.tsx", { id: "portal/register" }),
    route("activate", "../portal/routes/activate.tsx", { id: "portal/activate" }),
    route("activate/resend", "../portal/routes/activate-resend.tsx", { id: "portal/activate-resend" }),
    route("forgot-password", "../portal/routes/forgot-password.tsx", { id: "portal/forgot-password" }),
    route("reset-password", "../portal/routes/reset-password.tsx", { id: "portal/reset-password" }),
    route("logout", "../portal/routes/logout.ts", { id: "portal/logout" }),
    route("account", "../portal/routes/account-layout.tsx", { id: "portal/account" }, [
      index("../portal/routes/account-overview.tsx", { id: "portal/account-overview" }),
      route("profile", "../portal/routes/account-profile.tsx", { id: "portal/account-profile" }),
      route("security", "../portal/routes/account-security.tsx", { id: "portal/account-security" }),
      route("email/confirm", "../portal/routes/account-email-confirm.tsx", { id: "portal/account-email-confirm" }),
      route("deregister", "../portal/routes/account-deregister.tsx", { id: "portal/account-deregister" }),
      route("messages", "../portal/routes/account-messages.tsx", { id: "portal/account-messages" }),
      route("messages/new", "../portal/routes/account-message-new.tsx", { id: "portal/account-message-new" }),
      route("messages/:threadId", "../portal/routes/account-message-thread.tsx", {
        id: "portal/account-message-thread",
      }),
    ]),
  ]),

  route("crm/login", "../backoffice/routes/login.tsx", { id: "crm/login" }),
  route("crm/logout", "../backoffice/routes/logout.ts", { id: "crm/logout" }),
  route("crm", "../backoffice/routes/crm-layout.tsx", { id: "crm" }, [
    index("../backoffice/routes/dashboard.tsx", { id: "crm/dashboard" }),
    route("dev/mail", "../backoffice/routes/dev-mail.tsx", { id: "crm/dev-mail" }),
    route("dev/mail/:id", "../backoffice/routes/dev-mail-message.tsx", { id: "crm/dev-mail-message" }),
    route("members", "../backoffice/routes/members-list.tsx", { id: "crm/members" }),
    route("members/settings", "../backoffice/routes/members-settings.tsx", { id: "crm/members-settings" }),
    route("members/:memberId", "../backoffice/routes/member-detail.tsx", { id: "crm/member-detail" }),
    route("messages", "../backoffice/routes/messages-inbox.tsx", { id: "crm/messages" }),
    route("messages/:threadId", "../backoffice/routes/message-thread.tsx", { id: "crm/message-thread" }),
    route("notifications", "../backoffice/routes/notifications.tsx", { id: "crm/notifications" }),
    route("leads", "../backoffice/routes/leads-inbox.tsx", { id: "crm/leads" }),
    route("leads/new", "../backoffice/routes/lead-new.tsx", { id: "crm/lead-new" }),
    route("leads/:leadId", "../backoffice/routes/lead-detail.tsx", { id: "crm/lead-detail" }),
    route("rules/categories", "../backoffice/routes/rules-categories.tsx", { id: "crm/rules-categories" }),
    route("rules/categories/:categoryId", "../backoffice/routes/rules-category-detail.tsx", {
      id: "crm/rules-category-detail",
    }),
    route("rules/token-groups", "../backoffice/routes/rules-token-groups.tsx", { id: "crm/rules-token-groups" }),
    route("rules/token-groups/:groupId", "../backoffice/routes/rules-token-group-detail.tsx", {
      id: "crm/rules-token-group-detail",
    }),
    route(":module", "../backoffice/routes/module-placeholder.tsx", { id: "crm/module" }),
  ]),

  route("*", "routes/not-found.tsx", { id: "not-found" }),
] satisfies RouteConfig;
