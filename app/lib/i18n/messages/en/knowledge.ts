import type { knowledge as zh } from "../zh-CN/knowledge.ts";

export const knowledge: Record<keyof typeof zh, string> = {
  "knowledge.title": "knowledge",
};
