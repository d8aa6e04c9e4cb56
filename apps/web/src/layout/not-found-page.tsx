import { Link } from "@tanstack/react-router";

export function NotFoundPage() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        The link may be out of date, or the page was moved.
      </p>
      <Link to="/" className="mt-4 inline-block text-blue-700 underline dark:text-blue-300">
        Go to your workspace
      </Link>
    </main>
  );
}
