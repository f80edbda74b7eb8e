import type { messages as zh } from "../zh-CN/messages.ts";

export const messages: Record<keyof typeof zh, string> = {};
