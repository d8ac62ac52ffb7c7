export { type Completeness, cyclonedxCompleteness, type OwaspScore, owaspScore, spdxCompleteness } from "./completeness";
export { CYCLONEDX_SPEC_VERSION, cyclonedxBom } from "./cyclonedx";
export { EXPORT_FORMATS, type ExportFile, type ExportFormat, exportReport, parseExportFormat } from "./export";
export type { BomContext } from "./release";
export { SPDX_VERSION, spdxDocument } from "./spdx";
