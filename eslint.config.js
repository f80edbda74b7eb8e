import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Fences between the parts of the tree. A later block's `no-restricted-imports` replaces an earlier
// one for the files it matches (options are not merged), so each block lists every fence that
// applies to its files; eslint.config.test.ts proves each fence with a deliberate violation.
// Regexes rather than gitignore-style groups: in a group, a pattern starting with "#" is a comment,
// so "#portal/*" never matched anything.
const NO_PORTAL = {
  regex: "^(#portal/|(\\.\\./)+portal/)",
  message: "Only the portal imports portal code.",
};
const NO_BACKOFFICE = {
  regex: "^(#backoffice/|(\\.\\./)+backoffice/)",
  message: "Only the back office imports back-office code.",
};
// Adapters (search engines, e-mail) are called by the domain, not the other way round: they take
// what they need (a resolved scope, a record) as arguments. The job queue is infrastructure.
const NO_DOMAIN_MODULES = {
  regex: "^(#app/|(\\.\\./)+app/)modules/(?!jobs/)",
  message: "search/ and emails/ must not import domain modules (only #app/modules/jobs/*): pass data in instead.",
};
const NO_UI = {
  regex: "^(#app/|(\\.\\./)+app/)ui/",
  message: "search/ and emails/ must not import the UI kit.",
};
const NO_SERVER_MODULES_IN_UI = {
  regex: "^(#app/modules/|(\\.\\./)+modules/).*\\.server(\\.tsx?)?$",
  message: "The UI kit renders what it is given: no server code from #app/modules/* (call services in loaders).",
};
// The browser must not bundle both dictionaries: client code gets `t` from useI18n() and helpers
// from catalog.ts (decision 008). Type imports are fine.
const NO_BOTH_DICTIONARIES = {
  regex: "(^#app/lib|/)i18n/translate(\\.ts)?$",
  allowTypeImports: true,
  message: "Client code uses useI18n() or #app/lib/i18n/catalog.ts; translate.ts holds both dictionaries.",
};
const restrict = (patterns) => ["error", { patterns }];

// Routes and surface components hand `db` to services; they never query it themselves.
const PRISMA_MESSAGE = "No Prisma in routes or surface components: call a service in app/modules/<domain>/ with db.";
const NO_PRISMA_ACCESS = [
  "error",
  ...["db", "prisma", "tx"].map((name) => ({
    selector: `MemberExpression[object.name="${name}"]`,
    message: PRISMA_MESSAGE,
  })),
];

// Files allowed to reach Prisma from a surface: none (issue #11 moved the last ones into services).
const PRISMA_ALLOW_LIST = [];

// TODO(issue #11): files that still cross the search/emails fence while their owners rework them:
// global search still resolves permissions itself (the caller should pass the resolved owner scopes
// in).
const FENCE_ALLOW_LIST = ["search/global-search.server.ts", "search/global-search.test.ts"];

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "build-*/**",
      ".react-router/**",
      "app/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      ".runtime/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": restrict([NO_PORTAL]),
    },
  },
  {
    files: ["portal/**"],
    rules: { "no-restricted-imports": restrict([NO_BACKOFFICE]) },
  },
  {
    files: ["backoffice/**", "app/**"],
    rules: { "no-restricted-imports": restrict([NO_PORTAL]) },
  },
  {
    files: ["search/**", "emails/**"],
    ignores: FENCE_ALLOW_LIST,
    rules: { "no-restricted-imports": restrict([NO_PORTAL, NO_BACKOFFICE, NO_DOMAIN_MODULES, NO_UI]) },
  },
  {
    files: ["app/ui/**"],
    rules: { "no-restricted-imports": restrict([NO_PORTAL, NO_SERVER_MODULES_IN_UI]) },
  },
  {
    // Modules that run in the browser (route modules too, but their loaders may translate on the
    // server and React Router strips those imports from the client build).
    files: [
      "app/root.tsx",
      "app/entry.client.tsx",
      "app/ui/**/*.{ts,tsx}",
      "portal/components/**/*.{ts,tsx}",
      "backoffice/components/**/*.{ts,tsx}",
    ],
    ignores: ["**/*.test.{ts,tsx}", "**/*.server.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [NO_BOTH_DICTIONARIES] }] },
  },
  {
    files: ["portal/**", "backoffice/**"],
    ignores: ["**/*.test.{ts,tsx}", ...PRISMA_ALLOW_LIST],
    rules: { "no-restricted-syntax": NO_PRISMA_ACCESS },
  },
);
