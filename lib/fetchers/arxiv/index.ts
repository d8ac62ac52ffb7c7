export { type OaiRecord, parseOaiRecord } from "./oai-record";
export { arxivIdSchema, getPaperLicense } from "./paper-license";
