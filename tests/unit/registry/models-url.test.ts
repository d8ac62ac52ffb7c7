import { describe, expect, it } from "vitest";
import { canonicalRedirect, DEFAULT_PARAMS, lastPage, modelsHref, PAGE_SIZE, pageWindow, parseModelsParams, toListQuery } from "@/lib/registry/models-url";

describe("parseModelsParams", () => {
  it("reads every field of the form", () => {
    expect(parseModelsParams({ q: " olmo ", class: "1", org: "Allen Institute for AI", license: "Apache-2.0", sort: "date-asc", page: "3" })).toEqual({
      q: "olmo",
      class: "1",
      org: "Allen Institute for AI",
      license: "Apache-2.0",
      sort: "date-asc",
      page: 3,
    });
  });

  it("treats the empty fields a GET form sends as unset", () => {
    expect(parseModelsParams({ q: "", class: "", org: "", license: "", sort: "class" })).toEqual(DEFAULT_PARAMS);
  });

  it("falls back to defaults for values it does not know", () => {
    expect(parseModelsParams({ class: "4", sort: "random", page: "-1" })).toEqual(DEFAULT_PARAMS);
    expect(parseModelsParams({ page: "2.5" }).page).toBe(1);
    expect(parseModelsParams({ sort: "__proto__" }).sort).toBe("class");
  });

  it("takes the first of a repeated parameter and caps long text", () => {
    const params = parseModelsParams({ q: ["a", "b"], org: "x".repeat(500) });
    expect(params.q).toBe("a");
    expect(params.org).toHaveLength(200);
  });
});

describe("toListQuery", () => {
  it("maps the form to the store's query: filters, sort and the page's offset", () => {
    expect(toListQuery({ ...DEFAULT_PARAMS, q: "amber", class: "0", sort: "name-desc", page: 3 })).toEqual({
      q: "amber",
      class: 0,
      sort: "name",
      reverse: true,
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    });
  });

  it("leaves out filters that are not set", () => {
    expect(toListQuery(DEFAULT_PARAMS)).toEqual({ sort: "class", reverse: false, limit: PAGE_SIZE, offset: 0 });
  });
});

describe("modelsHref", () => {
  it("is plain /models for the defaults", () => {
    expect(modelsHref(DEFAULT_PARAMS)).toBe("/models");
  });

  it("keeps the filters and changes only what it is asked to", () => {
    const params = parseModelsParams({ q: "pythia", org: "EleutherAI", sort: "name" });
    expect(modelsHref(params, { page: 2 })).toBe("/models?q=pythia&org=EleutherAI&sort=name&page=2");
    expect(modelsHref(params, { page: 1 })).toBe("/models?q=pythia&org=EleutherAI&sort=name");
  });

  it("encodes organisations with spaces and commas", () => {
    expect(modelsHref({ ...DEFAULT_PARAMS, org: "Technology Innovation Institute, LightOn" })).toBe("/models?org=Technology+Innovation+Institute%2C+LightOn");
  });
});

describe("pages", () => {
  it("counts pages of PAGE_SIZE rows, at least one", () => {
    expect([lastPage(0), lastPage(1), lastPage(PAGE_SIZE), lastPage(PAGE_SIZE + 1), lastPage(273)]).toEqual([1, 1, 1, 2, 11]);
  });

  it("links the first, the last and the pages around the current one, with gaps", () => {
    expect(pageWindow(6, 11)).toEqual([1, null, 4, 5, 6, 7, 8, null, 11]);
    expect(pageWindow(1, 11)).toEqual([1, 2, 3, null, 11]);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("canonicalRedirect", () => {
  it("drops the empty fields and defaults a GET form sends", () => {
    expect(canonicalRedirect({ q: "", class: "1", org: "EleutherAI", license: "", sort: "class" })).toBe("/models?class=1&org=EleutherAI");
    expect(canonicalRedirect({ q: "", class: "", org: "", license: "", sort: "class" })).toBe("/models");
  });

  it("answers null for a URL that is already canonical, so there is no loop", () => {
    expect(canonicalRedirect({})).toBeNull();
    expect(canonicalRedirect({ q: "pythia", org: "EleutherAI", sort: "name", page: "2" })).toBeNull();
    expect(canonicalRedirect({ org: "Technology Innovation Institute, LightOn" })).toBeNull();
  });

  it("drops invalid values and parameters it does not know", () => {
    expect(canonicalRedirect({ class: "9", utm: "x" })).toBe("/models");
  });
});
