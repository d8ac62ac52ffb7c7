export { getDatasetInfo } from "./dataset-info";
export { type ListedModel, type ListModelsParams, listHubModels } from "./list-models";
export { getModelHead, type ModelHead } from "./model-head";
export { getModelInfo, type ModelInfoParams } from "./model-info";
export { getModelRefs } from "./model-refs";
export { getModelTree, type RepoTreeParams } from "./model-tree";
export { getDatasetCard, getModelCard, type RepoCardParams } from "./repo-card";
export { getModelFileText } from "./repo-file";
