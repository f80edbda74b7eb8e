import type { leads as zh } from "../zh-CN/leads.ts";

export const leads: Record<keyof typeof zh, string> = {};
