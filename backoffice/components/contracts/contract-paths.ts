// The contract pages' paths (no server code: the layout's component links with it).

export const contractPath = (id: number, tab = "") => `/crm/contracts/${id}${tab ? `/${tab}` : ""}`;
