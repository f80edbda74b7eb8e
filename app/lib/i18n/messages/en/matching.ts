import type { matching as zh } from "../zh-CN/matching.ts";

export const matching: Record<keyof typeof zh, string> = {
  "matching.title": "matching",
};
