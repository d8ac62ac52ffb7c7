import type { AuditedRow } from "./audited-row";
import type { Facets } from "./store";

/** The registry's facets with the audited models' organisations, licences and classes counted in; empty names left out. */
export function facetsWithAudited(facets: Facets, audited: readonly AuditedRow[]): Facets {
  const producers = new Map(facets.producers.filter((p) => p.producer.trim() !== "").map((p) => [p.producer.toLowerCase(), { ...p }]));
  const licenses = new Map(facets.licenses.map((l) => [l.license, { ...l }]));
  const classes = new Map(facets.classes.map((c) => [c.class, { ...c }]));
  for (const row of audited) {
    const producer = producers.get(row.producer.toLowerCase());
    if (producer) {
      producer.count += 1;
    } else if (row.producer.trim() !== "") {
      producers.set(row.producer.toLowerCase(), { producer: row.producer, count: 1 });
    }
    for (const id of row.licenses) {
      licenses.set(id, { license: id, count: (licenses.get(id)?.count ?? 0) + 1 });
    }
    classes.set(row.class, { class: row.class, count: (classes.get(row.class)?.count ?? 0) + 1 });
  }
  const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });
  return {
    classes: [...classes.values()].sort((a, b) => a.class - b.class),
    producers: [...producers.values()].sort((a, b) => byName(a.producer, b.producer)),
    licenses: [...licenses.values()].sort((a, b) => byName(a.license, b.license)),
  };
}
