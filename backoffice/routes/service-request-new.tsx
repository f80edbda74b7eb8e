// Placeholder until this route is built; the owner replaces it.
export default function Placeholder() {
  return null;
}
