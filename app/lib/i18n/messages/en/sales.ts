import type { sales as zh } from "../zh-CN/sales.ts";

export const sales: Record<keyof typeof zh, string> = {
  "sales.title": "sales",
};
