import type { auth as zh } from "../zh-CN/auth.ts";

export const auth: Record<keyof typeof zh, string> = {
  "auth.staffLogin.title": "Staff sign-in",
  "auth.staffLogin.subtitle": "Sign in to the Relay CRM back office to work leads, customers and service requests.",
  "auth.staffLogin.email": "Work e-mail",
  "auth.staffLogin.password": "Password",
  "auth.staffLogin.submitting": "Signing in…",
  "auth.staffLogin.invalid": "The e-mail or password is incorrect.",
  "auth.staffLogin.rateLimited": "Too many failed sign-ins. Try again in {minutes} minutes.",
  "auth.staffLogin.portalLink": "Not staff? Go to the customer portal",
  "auth.staffLogin.signedOut": "You have been signed out.",
  "auth.staffLogin.sideTitle": "Every lead, handed to the right person",
  "auth.staffLogin.sideBody":
    "Web leads reach salespeople in turn by token rules, are matched against existing contacts, and customer service works with customers in their own zone.",
  "auth.staffLogin.help": "Forgot your password? Ask a system administrator to reset it.",
  "validation.required": "This field is required.",
  "validation.invalidEmail": "Enter a valid e-mail address.",
  "validation.tooLong": "This is too long.",
};
