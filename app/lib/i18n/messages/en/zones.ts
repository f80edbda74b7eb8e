import type { zones as zh } from "../zh-CN/zones.ts";

export const zones: Record<keyof typeof zh, string> = {
  "zones.title": "zones",
};
