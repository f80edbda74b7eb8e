import type { zones as zh } from "../zh-CN/zones.ts";

export const zones: Record<keyof typeof zh, string> = {
  "zones.title": "Customer zone",
  "zones.nav.eyebrow": "Customer zone",
  "zones.nav.label": "Zone navigation",
  "zones.nav.overview": "Overview",
  "zones.nav.requests": "Service requests",
  "zones.nav.assets": "Assets",
  "zones.nav.contracts": "Contracts",
  "zones.nav.members": "Members",
  "zones.nav.search": "Search",
  "zones.nav.polls": "Polls",
};
