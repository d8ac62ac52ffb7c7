/** Reads the legacy `model-index` card field defensively: older repos hold objects, nulls or junk there. */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Every result entry of every model in the index. */
export function modelIndexResults(index: unknown): Record<string, unknown>[] {
  const models = Array.isArray(index) ? index : isObject(index) ? [index] : [];
  return models.flatMap((model) => (isObject(model) && Array.isArray(model.results) ? model.results.filter(isObject) : []));
}

/** The Hub dataset ids (`dataset.type`) the results were computed on. */
export function modelIndexDatasets(index: unknown): string[] {
  return modelIndexResults(index).flatMap((result) => {
    const type = isObject(result.dataset) ? result.dataset.type : undefined;
    return typeof type === "string" ? [type] : [];
  });
}
