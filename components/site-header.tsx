import Link from "next/link";

/** Name and main navigation. */
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight">
          mof<span className="text-blue-700 dark:text-sky-300">scope</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-5 text-sm font-medium">
            <li>
              <Link href="/" className="hover:underline">
                Home
              </Link>
            </li>
            <li>
              <Link href="/models" className="hover:underline">
                Models
              </Link>
            </li>
            <li>
              <Link href="/index" className="hover:underline">
                Index
              </Link>
            </li>
            <li>
              <Link href="/compare" className="hover:underline">
                Compare
              </Link>
            </li>
            <li>
              <Link href="/docs/api" className="hover:underline">
                API docs
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
