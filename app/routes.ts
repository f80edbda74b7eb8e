import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

// Surfaces live outside app/: the portal at "/", the back office at "/crm". File paths are relative
// to app/; ids are given explicitly so they read "portal/…" and "crm/…" rather than "../portal/…".
export default [
  route("healthz", "routes/healthz.ts", { id: "healthz" }),
  route("locale", "routes/locale.ts", { id: "locale" }),

  layout("../portal/routes/portal-layout.tsx", { id: "portal" }, [
    index("../portal/routes/home.tsx", { id: "portal/home" }),
    route("knowledge", "../portal/routes/knowledge.tsx", { id: "portal/knowledge" }),
    route("forum", "../portal/routes/forum.tsx", { id: "portal/forum" }),
    route("requirements", "../portal/routes/requirements.tsx", { id: "portal/requirements" }),
    route("order", "../portal/routes/order.tsx", { id: "portal/order" }),
    route("zone", "../portal/routes/zone.tsx", { id: "portal/zone" }),
    route("login", "../portal/routes/login.tsx", { id: "portal/login" }),
    route("register", "../portal/routes/register.tsx", { id: "portal/register" }),
  ]),

  route("crm/login", "../backoffice/routes/login.tsx", { id: "crm/login" }),
  route("crm/logout", "../backoffice/routes/logout.ts", { id: "crm/logout" }),
  route("crm", "../backoffice/routes/crm-layout.tsx", { id: "crm" }, [
    index("../backoffice/routes/dashboard.tsx", { id: "crm/dashboard" }),
    route("dev/mail", "../backoffice/routes/dev-mail.tsx", { id: "crm/dev-mail" }),
    route("dev/mail/:id", "../backoffice/routes/dev-mail-message.tsx", { id: "crm/dev-mail-message" }),
    route(":module", "../backoffice/routes/module-placeholder.tsx", { id: "crm/module" }),
  ]),

  route("*", "routes/not-found.tsx", { id: "not-found" }),
] satisfies RouteConfig;
