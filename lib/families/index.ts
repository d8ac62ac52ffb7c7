export { baseModelsOf } from "./base-model";
export { type Family, type FamilyVariant, familyOf, groupFamilies } from "./group";
export { type FamilyMember, memberFromRecord, memberFromReport } from "./members";
export { nameStem, type Stem } from "./name-stem";
