export { arxivIdSchema, getPaperLicense } from "./paper-license";
export { type OaiRecord, parseOaiRecord } from "./oai-record";
