// Placeholder until this route is built; the owner replaces it.
export function loader() {
  return new Response("Not Found", { status: 404 });
}
