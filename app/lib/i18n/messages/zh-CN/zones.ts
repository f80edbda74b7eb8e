// Customer zones, customer assets and service contracts (#7).
export const zones = {
  "zones.title": "zones",
};
