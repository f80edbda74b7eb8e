import type { service as zh } from "../zh-CN/service.ts";

export const service: Record<keyof typeof zh, string> = {
  "service.title": "service",
};
