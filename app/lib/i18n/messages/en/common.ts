import type { common as zh } from "../zh-CN/common.ts";

export const common: Record<keyof typeof zh, string> = {
  "app.name": "Relay CRM",
  "app.tagline": "Every lead, handed to the right person",
  "locale.switch": "中文",
  "locale.label": "Language",
  "error.notFound.title": "Page not found",
  "error.notFound.body": "The page you are looking for does not exist or has been removed.",
  "error.unauthenticated.body": "Please sign in to the back office first.",
  "error.forbidden.title": "Access denied",
  "error.forbidden.body": "Your role does not include this module. Ask a system administrator if you need access.",
  "error.generic.title": "Something went wrong",
  "error.generic.body": "The server could not handle the request. Please try again shortly.",
  "error.back": "Back to home",
};
