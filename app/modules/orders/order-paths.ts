// Where the back office shows sales orders (shared by pages, actions and other modules' links).
export const ORDERS_PATH = "/crm/sales-orders";
export const orderPath = (id: number, tab = "") => `${ORDERS_PATH}/${id}${tab ? `/${tab}` : ""}`;
