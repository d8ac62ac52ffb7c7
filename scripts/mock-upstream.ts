import { startMockUpstream } from "../tests/helpers/mock-upstream";

// standalone fixture server for Playwright and the CLI end-to-end runs
const port = Number(process.env.MOCK_UPSTREAM_PORT ?? "4010");
const mock = await startMockUpstream({ port });
console.log(`HF_ENDPOINT=${mock.hfEndpoint}`);
console.log(`GITHUB_API_URL=${mock.githubApiUrl}`);
console.log(`ARXIV_API_URL=${mock.arxivApiUrl}`);

const stop = () => void mock.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
