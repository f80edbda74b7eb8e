import type { search as zh } from "../zh-CN/search.ts";

export const search: Record<keyof typeof zh, string> = {
  "search.title": "search",
};
