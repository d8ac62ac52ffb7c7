/** Indexed, case-insensitive record look-ups; the registry store implements it over SQL, `arrayLookup` over a list. */
export interface RecordLookup<T> {
  byHfId(id: string): Promise<T | null>;
  /** Every record naming this repository: several releases often share one. */
  byGithubRepo(repo: string): Promise<T[]>;
  byName(name: string): Promise<T | null>;
}
