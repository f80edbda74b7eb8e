import type { MessageKey } from "../zh-CN/index.ts";
import { auth } from "./auth.ts";
import { backoffice } from "./backoffice.ts";
import { common } from "./common.ts";
import { mail } from "./mail.ts";
import { portal } from "./portal.ts";

export const en: Record<MessageKey, string> = {
  ...common,
  ...portal,
  ...backoffice,
  ...auth,
  ...mail,
};
