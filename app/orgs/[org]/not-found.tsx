import Link from "next/link";

/** 404 for an organisation the index knows nothing of (or a name no organisation can have). */
export default function OrgNotFound() {
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">404 · Not found</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">No such organisation in the index</h1>
      </div>
      <p>
        The openness index has neither audited nor listed a model of this organisation. Organisation pages look like{" "}
        <code className="font-mono">/orgs/allenai</code>.
      </p>
      <p className="text-sm">
        <Link href="/index" className="link">
          Browse the openness index
        </Link>
      </p>
    </div>
  );
}
