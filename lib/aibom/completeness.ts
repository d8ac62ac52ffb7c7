import { filled, type JsonObject, valueAt } from "./json";

/** Which of the fields a standard defines for an ML model a BOM fills, and how many that is. */
export interface Completeness {
  readonly standard: string;
  readonly filled: readonly string[];
  readonly empty: readonly string[];
  /** Filled over defined, in percent, one decimal. */
  readonly percent: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** Splits fields into filled and empty; `at` names where each field lives. */
export function completeness(standard: string, fields: readonly string[], isFilled: (field: string) => boolean): Completeness {
  const done = fields.filter(isFilled);
  return { standard, filled: done, empty: fields.filter((f) => !done.includes(f)), percent: percent(done.length, fields.length) };
}

// CycloneDX 1.6: the component fields that describe an ML model, and every field of its modelCard
const CYCLONEDX_ML_FIELDS = [
  "group",
  "name",
  "version",
  "description",
  "supplier",
  "manufacturer",
  "authors",
  "licenses",
  "purl",
  "externalReferences",
  "tags",
  "pedigree.ancestors",
  "modelCard.modelParameters.approach",
  "modelCard.modelParameters.task",
  "modelCard.modelParameters.architectureFamily",
  "modelCard.modelParameters.modelArchitecture",
  "modelCard.modelParameters.datasets",
  "modelCard.modelParameters.inputs",
  "modelCard.modelParameters.outputs",
  "modelCard.quantitativeAnalysis.performanceMetrics",
  "modelCard.quantitativeAnalysis.graphics",
  "modelCard.considerations.users",
  "modelCard.considerations.useCases",
  "modelCard.considerations.technicalLimitations",
  "modelCard.considerations.performanceTradeoffs",
  "modelCard.considerations.ethicalConsiderations",
  "modelCard.considerations.environmentalConsiderations",
  "modelCard.considerations.fairnessAssessments",
] as const;

type Tier = "critical" | "important" | "supplementary";
type Category = "required_fields" | "metadata" | "component_basic" | "component_model_card" | "external_references";

interface OwaspField {
  readonly field: string;
  readonly tier: Tier;
  readonly category: Category;
  /** Where this BOM keeps it: a path from the BOM root, or a test on it. */
  readonly at: string | ((bom: JsonObject) => boolean);
}

const MODEL = "metadata.component";
const refOfType = (type: string) => (bom: JsonObject) =>
  ((valueAt(bom, `${MODEL}.externalReferences`) as { type: string }[] | undefined) ?? []).some((r) => r.type === type);

// OWASP GenAI Security Project aibom-generator @ c5a3f2f (src/models/field_registry.json, Apache-2.0): its fields,
// tiers and categories; its GGUF-only fields count only when present, so they are left out. Its JSONPaths point at
// `components[0]` (or at `$.component`, which CycloneDX does not have); here each field is looked up where this BOM keeps
// it: the model is `metadata.component`.
const OWASP_FIELDS: readonly OwaspField[] = [
  { field: "bomFormat", tier: "critical", category: "required_fields", at: "bomFormat" },
  { field: "specVersion", tier: "critical", category: "required_fields", at: "specVersion" },
  { field: "serialNumber", tier: "critical", category: "required_fields", at: "serialNumber" },
  { field: "version", tier: "critical", category: "required_fields", at: "version" },
  { field: "primaryPurpose", tier: "critical", category: "metadata", at: `${MODEL}.modelCard.modelParameters.task` },
  { field: "suppliedBy", tier: "critical", category: "metadata", at: `${MODEL}.supplier.name` },
  { field: "standardCompliance", tier: "supplementary", category: "metadata", at: "metadata.properties.standardCompliance" },
  { field: "domain", tier: "supplementary", category: "metadata", at: `${MODEL}.tags` },
  { field: "autonomyType", tier: "supplementary", category: "metadata", at: "metadata.properties.autonomyType" },
  { field: "name", tier: "critical", category: "component_basic", at: `${MODEL}.name` },
  { field: "type", tier: "critical", category: "component_basic", at: `${MODEL}.type` },
  { field: "component_version", tier: "critical", category: "component_basic", at: `${MODEL}.version` },
  { field: "purl", tier: "important", category: "component_basic", at: `${MODEL}.purl` },
  { field: "description", tier: "important", category: "component_basic", at: `${MODEL}.description` },
  { field: "licenses", tier: "important", category: "component_basic", at: `${MODEL}.licenses` },
  { field: "external_references", tier: "supplementary", category: "component_basic", at: `${MODEL}.externalReferences` },
  { field: "datasets", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.modelParameters.datasets` },
  { field: "ethicalConsiderations", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.considerations.ethicalConsiderations` },
  {
    field: "energyConsumption",
    tier: "important",
    category: "component_model_card",
    at: `${MODEL}.modelCard.considerations.environmentalConsiderations.energyConsumptions`,
  },
  { field: "hyperparameter", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.properties.hyperparameter` },
  { field: "technicalLimitations", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.considerations.technicalLimitations` },
  // the generator counts ethical considerations as a safety risk assessment
  { field: "safetyRiskAssessment", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.considerations.ethicalConsiderations` },
  { field: "intendedUse", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.considerations.useCases` },
  { field: "typeOfModel", tier: "important", category: "component_model_card", at: `${MODEL}.modelCard.modelParameters.modelArchitecture` },
  { field: "modelExplainability", tier: "supplementary", category: "component_model_card", at: `${MODEL}.modelCard.properties.modelExplainability` },
  { field: "energyQuantity", tier: "supplementary", category: "component_model_card", at: "metadata.properties.energyQuantity" },
  { field: "energyUnit", tier: "supplementary", category: "component_model_card", at: "metadata.properties.energyUnit" },
  {
    field: "informationAboutTraining",
    tier: "supplementary",
    category: "component_model_card",
    at: (bom) => hasProperty(valueAt(bom, `${MODEL}.modelCard.properties`), "mofscope:card:training"),
  },
  {
    field: "informationAboutApplication",
    tier: "supplementary",
    category: "component_model_card",
    at: `${MODEL}.modelCard.considerations.useCases`,
  },
  { field: "metric", tier: "supplementary", category: "component_model_card", at: `${MODEL}.modelCard.quantitativeAnalysis.performanceMetrics` },
  { field: "metricDecisionThreshold", tier: "supplementary", category: "component_model_card", at: "metadata.properties.metricDecisionThreshold" },
  {
    field: "modelDataPreprocessing",
    tier: "supplementary",
    category: "component_model_card",
    at: (bom) => hasProperty(valueAt(bom, `${MODEL}.modelCard.properties`), "mofscope:card:preprocessing"),
  },
  {
    field: "useSensitivePersonalInformation",
    tier: "supplementary",
    category: "component_model_card",
    at: "metadata.properties.useSensitivePersonalInformation",
  },
  { field: "paper", tier: "supplementary", category: "external_references", at: refOfType("documentation") },
  { field: "vcs", tier: "supplementary", category: "external_references", at: refOfType("vcs") },
  { field: "website", tier: "supplementary", category: "external_references", at: refOfType("website") },
  { field: "downloadLocation", tier: "important", category: "external_references", at: (bom) => refOfType("distribution")(bom) || refOfType("website")(bom) },
];

function hasProperty(properties: unknown, name: string): boolean {
  return Array.isArray(properties) && properties.some((p) => (p as { name?: string }).name === name);
}

// the generator's category weights (they add up to 100) and its penalties for missing critical and important fields
const CATEGORY_WEIGHTS: Record<Category, number> = {
  required_fields: 20,
  metadata: 20,
  component_basic: 20,
  component_model_card: 30,
  external_references: 10,
};

export interface OwaspScore {
  /** 0–100, as the generator's `calculate_completeness_score` computes it. */
  readonly score: number;
  readonly categories: Record<Category, { present: number; total: number; points: number }>;
  readonly missingCritical: readonly string[];
  readonly missingImportant: readonly string[];
}

/** The OWASP AIBOM generator's completeness score of a CycloneDX BOM. */
export function owaspScore(bom: JsonObject): OwaspScore {
  const present = (f: OwaspField) => (typeof f.at === "string" ? filled(bom, f.at) : f.at(bom));
  const categories = Object.fromEntries(
    (Object.keys(CATEGORY_WEIGHTS) as Category[]).map((category) => {
      const fields = OWASP_FIELDS.filter((f) => f.category === category);
      const count = fields.filter(present).length;
      return [category, { present: count, total: fields.length, points: Math.round((count / fields.length) * CATEGORY_WEIGHTS[category] * 10) / 10 }];
    }),
  ) as OwaspScore["categories"];
  const missing = (tier: Tier) => OWASP_FIELDS.filter((f) => f.tier === tier && !present(f)).map((f) => f.field);
  const missingCritical = missing("critical");
  const missingImportant = missing("important");
  const penalty = (missingCritical.length > 3 ? 0.8 : missingCritical.length >= 2 ? 0.9 : 1) * (missingImportant.length >= 5 ? 0.95 : 1);
  const subtotal = Object.values(categories).reduce((sum, c) => sum + c.points, 0);
  return { score: Math.min(100, Math.round(subtotal * penalty * 10) / 10), categories, missingCritical, missingImportant };
}

/** How much of CycloneDX's ML-model fields a BOM fills, beside the OWASP generator's score of it. */
export function cyclonedxCompleteness(bom: JsonObject): Completeness & { owasp: OwaspScore } {
  const model = valueAt(bom, MODEL);
  return { ...completeness("CycloneDX 1.6 ML-BOM", CYCLONEDX_ML_FIELDS, (field) => filled(model, field)), owasp: owaspScore(bom) };
}

// SPDX 3.0.1: the properties of an ai_AIPackage (its own and the Package ones the AI profile requires), and the
// relationships the AI profile asks of it
const SPDX_AI_PROPERTIES = [
  "name",
  "summary",
  "software_packageVersion",
  "software_downloadLocation",
  "software_packageUrl",
  "software_homePage",
  "software_primaryPurpose",
  "suppliedBy",
  "releaseTime",
  "ai_autonomyType",
  "ai_domain",
  "ai_energyConsumption",
  "ai_hyperparameter",
  "ai_informationAboutApplication",
  "ai_informationAboutTraining",
  "ai_limitation",
  "ai_metric",
  "ai_metricDecisionThreshold",
  "ai_modelDataPreprocessing",
  "ai_modelExplainability",
  "ai_safetyRiskAssessment",
  "ai_standardCompliance",
  "ai_typeOfModel",
  "ai_useSensitivePersonalInformation",
] as const;
const SPDX_AI_RELATIONSHIPS = ["hasDeclaredLicense", "hasConcludedLicense", "trainedOn", "testedOn"] as const;

/** How much of the SPDX AI profile's package fields and relationships a document fills. */
export function spdxCompleteness(document: JsonObject): Completeness {
  const elements = (document["@graph"] as JsonObject[] | undefined) ?? [];
  const model = elements.find((e) => e.type === "ai_AIPackage");
  const related = (type: string) =>
    elements.some(
      (e) =>
        e.type === "Relationship" &&
        e.from === model?.spdxId &&
        e.relationshipType === type &&
        (e.to as string[]).some((to) => !to.startsWith("expandedlicensing_")),
    );
  const fields = [...SPDX_AI_PROPERTIES, ...SPDX_AI_RELATIONSHIPS];
  return completeness("SPDX 3.0.1 AI profile", fields, (field) =>
    (SPDX_AI_RELATIONSHIPS as readonly string[]).includes(field) ? related(field) : filled(model, field),
  );
}
