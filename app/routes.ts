import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

// Surfaces live outside app/: the portal at "/", the back office at "/crm". Paths are relative to app/.
export default [
  route("healthz", "routes/healthz.ts"),
  route("locale", "routes/locale.ts"),

  layout("../portal/routes/portal-layout.tsx", [
    index("../portal/routes/home.tsx"),
  ]),

  route("crm/login", "../backoffice/routes/login.tsx"),
  route("crm", "../backoffice/routes/crm-layout.tsx", [
    index("../backoffice/routes/dashboard.tsx"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
