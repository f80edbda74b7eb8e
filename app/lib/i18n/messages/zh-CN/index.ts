import { auth } from "./auth.ts";
import { backoffice } from "./backoffice.ts";
import { common } from "./common.ts";
import { mail } from "./mail.ts";
import { portal } from "./portal.ts";

// One file per area so features add strings without touching each other's files.
export const zhCN = {
  ...common,
  ...portal,
  ...backoffice,
  ...auth,
  ...mail,
};

export type MessageKey = keyof typeof zhCN;
