export { compareClaims } from "./compare";
export { arrayLookup, type MatchableRecord, type MatchedBy, matchKeys, matchRecord, type RecordMatch } from "./match";
export { sameLicense } from "./same-license";
export { CLAIM_VERDICTS, type ClaimComparison, type ClaimVerdict, type ComponentClaim } from "./types";
