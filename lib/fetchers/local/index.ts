export { FolderError, type FolderErrorCode, isFolderError } from "./errors";
export { FOLDER_LIMITS, type WalkLimits } from "./limits";
export { type FolderDataset, openReleaseFolder, type ReleaseFolder } from "./release-folder";
export type { FolderFile, FolderListing } from "./walk";
