export { CLAIM_VERDICTS, type ClaimComparison, type ClaimVerdict, compareClaims, type ComponentClaim } from "./compare";
export { arrayLookup, type MatchableRecord, type MatchedBy, matchKeys, matchRecord, type RecordLookup, type RecordMatch } from "./match";
export { sameLicense } from "./same-license";
