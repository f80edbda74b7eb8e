import type { distribution as zh } from "../zh-CN/distribution.ts";

export const distribution: Record<keyof typeof zh, string> = {
  "distribution.title": "distribution",
};
