import type { members as zh } from "../zh-CN/members.ts";

export const members: Record<keyof typeof zh, string> = {};
