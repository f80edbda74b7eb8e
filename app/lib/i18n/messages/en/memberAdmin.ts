import type { memberAdmin as zh } from "../zh-CN/memberAdmin.ts";

export const memberAdmin: Record<keyof typeof zh, string> = {};
