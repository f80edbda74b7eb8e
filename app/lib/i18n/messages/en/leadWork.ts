import type { leadWork as zh } from "../zh-CN/leadWork.ts";

export const leadWork: Record<keyof typeof zh, string> = {
  "leadWork.title": "leadWork",
};
