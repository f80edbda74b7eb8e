import { useLoaderData } from "react-router";
export function loader() {
  return { hello: "dashboard" };
}
export default function Home() {
  const data = useLoaderData<typeof loader>();
  return <p>{data.hello}</p>;
}
