// Service requests and the service desk (#7).
export const service = {
  "service.title": "service",
};
