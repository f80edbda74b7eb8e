import type { intake as zh } from "../zh-CN/intake.ts";

export const intake: Record<keyof typeof zh, string> = {};
