import type { rules as zh } from "../zh-CN/rules.ts";

export const rules: Record<keyof typeof zh, string> = {};
