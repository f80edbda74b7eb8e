// A rough "Chrome on Windows" from a User-Agent header, enough for a person to recognise a device in
// a list of signed-in sessions. Not for feature detection.

export interface DeviceDescription {
  browser: string | null;
  os: string | null;
}

// First match wins: the order matters (Edge and WeChat also say Chrome; Chrome also says Safari).
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/MicroMessenger/i, "WeChat"],
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/(Chrome|Chromium|CriOS)\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Windows/, "Windows"],
  [/(iPhone|iPad|iPod)/, "iOS"],
  [/Android/, "Android"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/HarmonyOS/, "HarmonyOS"],
  [/Linux/, "Linux"],
];

const firstMatch = (ua: string, table: ReadonlyArray<[RegExp, string]>) =>
  table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, os: null };
  return { browser: firstMatch(userAgent, BROWSERS), os: firstMatch(userAgent, SYSTEMS) };
}
