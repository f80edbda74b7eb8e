import type { Module } from "#app/modules/auth/permissions.ts";

/** What the /crm layout loader tells the shell about the signed-in staff member. */
export interface ShellUser {
  name: string;
  email: string;
  team: string | null;
  roleNames: string[];
  isAdmin: boolean;
  modules: Module[];
  /** Away (the lead rotation skips them): the user menu offers "I am back". */
  away?: boolean;
}
