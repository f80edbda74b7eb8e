import { useLoaderData } from "react-router";
export function loader() {
  return { hello: "portal" };
}
export default function Home() {
  const data = useLoaderData<typeof loader>();
  return <p>{data.hello}</p>;
}
