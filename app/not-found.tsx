import Link from "next/link";
import { UrlForm } from "@/components/url-form";

/** 404: unknown snapshot, model or page; offers the URL box as the next step. */
export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">404 · Not found</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Nothing here</h1>
      </div>
      <p>
        There is no model, snapshot or page at this address. Snapshot links look like <code className="font-mono">/r/AbC123xYz0</code>; model pages like{" "}
        <code className="font-mono">/models/allenai/OLMo-7B</code>.
      </p>
      <UrlForm />
      <p className="text-sm">
        <Link href="/" className="link">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
