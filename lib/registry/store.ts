import { z } from "zod";
import type { Db } from "@/lib/db";
import type { ClassNumber, ComponentStatus, Progress } from "@/lib/mof";
import { type AuditedRow, auditedRowSchema } from "./audited-row";
import { type ListQuery, listClauses, listQuerySchema } from "./list-query";
import { type LoadResult, loadRegistry } from "./load";
import type { RecordLookup } from "./lookup";
import type { RegistryRecord } from "./record-row";

/** One row of the /models list: a registry record (`mot`, id = its name) or an audited model. */
export interface ModelRow {
  source: "mot" | "hf" | "github";
  id: string;
  name: string;
  producer: string;
  date: string | null;
  class: ClassNumber;
  totalProgress: number;
  licenses: string[];
  hfId: string | null;
  githubRepo: string | null;
}

export interface ModelPage {
  /** Rows matching the filters, before limit and offset. */
  total: number;
  rows: ModelRow[];
}

export interface Facets {
  classes: { class: ClassNumber; count: number }[];
  producers: { producer: string; count: number }[];
  licenses: { license: string; count: number }[];
}

export interface RegistryStore extends RecordLookup<RegistryRecord> {
  /** Brings the table in line with the vendored folder; cheap when nothing changed. */
  load(): LoadResult;
  /** Filtered, sorted, paginated list; audited rows, when given, are merged in SQL under the same filters. */
  list(query?: ListQuery, audited?: readonly AuditedRow[]): ModelPage;
  facets(): Facets;
  /** A record by its file name in `models/`. */
  byFile(file: string): RegistryRecord | null;
  all(): RegistryRecord[];
  /** The upstream commit the table holds and when it was synced; null before the first load. */
  source(): { commit: string; syncedAt: string } | null;
}

interface Row {
  file: string;
  name: string;
  blob_sha: string;
  producer: string;
  date: string | null;
  class: ClassNumber;
  progress_json: string;
  total_progress: number;
  hf_id: string | null;
  github_repo: string | null;
  licenses: string;
  statuses: string;
  yaml: string;
}

const toRecord = (r: Row): RegistryRecord => ({
  file: r.file,
  name: r.name,
  blobSha: r.blob_sha,
  producer: r.producer,
  date: r.date,
  class: r.class,
  progress: JSON.parse(r.progress_json) as Progress,
  totalProgress: r.total_progress,
  hfId: r.hf_id,
  githubRepo: r.github_repo,
  licenses: JSON.parse(r.licenses) as string[],
  statuses: JSON.parse(r.statuses) as Record<string, ComponentStatus>,
  yaml: r.yaml,
});

// audited rows travel as one JSON parameter and become a table inside the query
const MODELS = `
  WITH audited AS (
    SELECT json_extract(value, '$.source') AS source, json_extract(value, '$.id') AS id, json_extract(value, '$.name') AS name,
      json_extract(value, '$.producer') AS producer, json_extract(value, '$.date') AS date, json_extract(value, '$.class') AS class,
      json_extract(value, '$.totalProgress') AS total_progress, json_extract(value, '$.licenses') AS licenses,
      json_extract(value, '$.hfId') AS hf_id, json_extract(value, '$.githubRepo') AS github_repo
    FROM json_each(@audited)
  ), models AS (
    SELECT 'mot' AS source, name AS id, name, producer, date, class, total_progress, licenses, hf_id, github_repo FROM registry_records
    UNION ALL SELECT * FROM audited
  )`;

// a record is found by name the way MOT keys it: case-insensitively, the first file when two share a name
const FIRST_BY = (column: string) => `SELECT * FROM registry_records WHERE ${column} = ? COLLATE NOCASE ORDER BY file LIMIT 1`;

/** The registry table over a database, fed from a vendored folder (`manifest.json` + `models/`). */
export function createRegistryStore(db: Db, dir: string): RegistryStore {
  const byName = db.prepare<[string], Row>(FIRST_BY("name"));
  const byHfId = db.prepare<[string], Row>(FIRST_BY("hf_id"));
  const byGithubRepo = db.prepare<[string], Row>("SELECT * FROM registry_records WHERE github_repo = ? COLLATE NOCASE ORDER BY file");
  const byFile = db.prepare<[string], Row>("SELECT * FROM registry_records WHERE file = ?");
  const one = (row: Row | undefined) => (row ? toRecord(row) : null);

  return {
    load: () => loadRegistry(db, dir),
    list(query = {}, audited = []) {
      const parsed = listQuerySchema.parse(query);
      const rows = z.array(auditedRowSchema).parse(audited);
      const { where, order, params } = listClauses(parsed);
      const all = { ...params, audited: JSON.stringify(rows) };
      const total = db.prepare<[typeof all], { n: number }>(`${MODELS} SELECT COUNT(*) AS n FROM models ${where}`).get(all)?.n ?? 0;
      const page = db
        .prepare<
          [typeof all & { limit: number; offset: number }],
          Omit<ModelRow, "totalProgress" | "licenses" | "hfId" | "githubRepo"> & {
            total_progress: number;
            licenses: string;
            hf_id: string | null;
            github_repo: string | null;
          }
        >(`${MODELS} SELECT * FROM models ${where} ${order} LIMIT @limit OFFSET @offset`)
        .all({ ...all, limit: parsed.limit, offset: parsed.offset });
      return {
        total,
        rows: page.map(({ total_progress, licenses, hf_id, github_repo, ...rest }) => ({
          ...rest,
          totalProgress: total_progress,
          licenses: JSON.parse(licenses) as string[],
          hfId: hf_id,
          githubRepo: github_repo,
        })),
      };
    },
    facets() {
      return {
        classes: db
          .prepare<[], { class: ClassNumber; count: number }>("SELECT class, COUNT(*) AS count FROM registry_records GROUP BY class ORDER BY class")
          .all(),
        producers: db
          .prepare<[], { producer: string; count: number }>(
            "SELECT producer, COUNT(*) AS count FROM registry_records GROUP BY producer COLLATE NOCASE ORDER BY count DESC, producer",
          )
          .all(),
        licenses: db
          .prepare<[], { license: string; count: number }>(
            "SELECT json_each.value AS license, COUNT(*) AS count FROM registry_records, json_each(registry_records.licenses) GROUP BY license ORDER BY count DESC, license",
          )
          .all(),
      };
    },
    byName: (name) => one(byName.get(name)),
    byHfId: (id) => one(byHfId.get(id)),
    byGithubRepo: (repo) => byGithubRepo.all(repo).map(toRecord),
    byFile: (file) => one(byFile.get(file)),
    all: () => db.prepare<[], Row>("SELECT * FROM registry_records ORDER BY file").all().map(toRecord),
    source() {
      const meta = new Map(
        db
          .prepare<[], { key: string; value: string }>("SELECT key, value FROM registry_meta")
          .all()
          .map((r) => [r.key, r.value]),
      );
      const commit = meta.get("commit");
      return commit === undefined ? null : { commit, syncedAt: meta.get("synced_at") ?? "" };
    },
  };
}
