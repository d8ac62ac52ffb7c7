import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { defaultDatabase } from "@/lib/db";
import { indexModelStore } from "@/lib/db/index-models";
import { isFetchFailure } from "@/lib/fetchers/errors";
import { parseModelUrl } from "@/lib/fetchers/url";
import {
  createIndexQueue,
  defaultIndexWiring,
  type IndexProgress,
  type IndexSelection,
  type IndexSummary,
  indexHub,
  OWNER_NAME,
  queueIsDurable,
} from "@/lib/index";
import { defaultRegistry } from "@/lib/registry/default";
import type { CliIo } from "./io";
import { EXIT } from "./io";
import { progressLine } from "./progress-bar";

type Parsed = { ok: true; selection: IndexSelection; concurrency: number } | { ok: false; message: string };

async function idsFromFile(path: string): Promise<{ ok: true; ids: string[] } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const ids: string[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (const [n, line] of lines.entries()) {
    if (line === "" || line.startsWith("#")) {
      continue;
    }
    const parsed = parseModelUrl(line);
    if (!parsed.ok || parsed.target.source !== "hf") {
      return { ok: false, message: `${path}:${n + 1}: not a Hugging Face model: ${line.slice(0, 120)}` };
    }
    ids.push(parsed.target.id);
  }
  return { ok: true, ids };
}

async function selectionOf(values: Record<string, string | string[] | boolean | undefined>): Promise<Parsed> {
  const authors = (values.author as string[] | undefined) ?? [];
  const bad = authors.find((a) => !OWNER_NAME.test(a));
  if (bad !== undefined) {
    return { ok: false, message: `--author takes an organisation or user name, not "${bad.slice(0, 100)}"` };
  }
  const top = values.top === undefined ? undefined : Number(values.top);
  if (top !== undefined && !(Number.isInteger(top) && top > 0 && top <= 100_000)) {
    return { ok: false, message: "--top takes a whole number from 1 to 100000" };
  }
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency > 0 && concurrency <= 64)) {
    return { ok: false, message: "--concurrency takes a whole number from 1 to 64" };
  }
  const ids: string[] = [];
  if (typeof values.file === "string") {
    const read = await idsFromFile(values.file);
    if (!read.ok) {
      return read;
    }
    ids.push(...read.ids);
  }
  if (values["from-mot"] === true) {
    ids.push(...(await defaultRegistry().all()).flatMap((record) => (record.hfId ? [record.hfId] : [])));
  }
  const search = typeof values.search === "string" ? values.search : undefined;
  const pipeline = typeof values.pipeline === "string" ? values.pipeline : undefined;
  if (authors.length === 0 && search === undefined && top === undefined && pipeline === undefined && ids.length === 0) {
    return { ok: false, message: "index needs at least one of --author, --search, --top, --pipeline, --file, --from-mot" };
  }
  const selection: IndexSelection = {
    authors,
    ...(search !== undefined ? { search } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(pipeline !== undefined ? { pipeline } : {}),
    ids,
  };
  return { ok: true, selection, concurrency };
}

function render(summary: IndexSummary): string {
  const failures = summary.failures.map((f) => `  ! ${f.model}: ${f.reason}`).join("\n");
  return `listed ${summary.listed} · enqueued ${summary.enqueued} · audited ${summary.audited} · unchanged ${summary.unchanged} · failed ${summary.failed} · ${summary.requests} upstream requests · ${summary.seconds} s\n${failures ? `${failures}\n` : ""}`;
}

/** `mofscope index`: lists models on the Hub, audits those whose commit moved, and prints what it did. */
export async function indexCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      author: { type: "string", multiple: true },
      search: { type: "string" },
      top: { type: "string" },
      pipeline: { type: "string" },
      file: { type: "string" },
      "from-mot": { type: "boolean" },
      json: { type: "boolean" },
      force: { type: "boolean" },
      "enqueue-only": { type: "boolean" },
      concurrency: { type: "string" },
    },
  });
  const parsed = await selectionOf(values);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return EXIT.badInput;
  }
  const enqueueOnly = values["enqueue-only"] === true;
  const database = await defaultDatabase();
  // SQLite's queue lives in this process, which ends with the command: jobs enqueued and left would be lost
  if (enqueueOnly && !queueIsDurable(database)) {
    io.stderr.write(
      "--enqueue-only needs the PostgreSQL queue: set DATABASE_URL and run `mofscope worker` to work it. On SQLite the jobs would live only in this process and be lost when it ends; run without --enqueue-only to audit them now.\n",
    );
    return EXIT.badInput;
  }
  const wiring = await defaultIndexWiring(io.env);
  const queue = createIndexQueue(database, { env: io.env, concurrency: parsed.concurrency, models: indexModelStore() });
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true && values.json !== true;
  const started = Date.now();
  const onProgress = tty ? (p: IndexProgress) => io.stderr.write(`\r${progressLine(p, Date.now() - started)}`) : undefined;
  let summary: IndexSummary;
  try {
    summary = await indexHub({
      selection: parsed.selection,
      listUpstream: wiring.listUpstream,
      job: wiring.job,
      queue,
      force: values.force === true,
      enqueueOnly,
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (error) {
    if (isFetchFailure(error)) {
      io.stderr.write(`mofscope: the Hub's list API failed (${error.kind}): ${error.message}\n`);
      return EXIT.upstreamFailure;
    }
    throw error;
  } finally {
    await queue.close();
  }
  if (tty) {
    io.stderr.write("\n");
  }
  io.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : render(summary));
  return EXIT.ok;
}
