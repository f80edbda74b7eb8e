import type { MessageKey } from "../zh-CN/index.ts";
import { common } from "./common.ts";

export const en: Record<MessageKey, string> = {
  ...common,
};
