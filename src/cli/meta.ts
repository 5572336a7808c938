/** What the CLI says about itself: its name, version and where its rules are documented. */
import packageJson from '../../package.json';

interface PackageMeta {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const meta = packageJson as PackageMeta;

export const TOOL_NAME = 'article-lint';
export const TOOL_VERSION = meta.version;

/** Fallback when package.json names no repository or homepage. */
const DEFAULT_PROJECT_URL = 'https://github.com/article-authoring/article-authoring';

/** The project's web address, from package.json `repository` or `homepage`. */
export const PROJECT_URL = projectUrl();

/** Where a rule's page (docs/rules/<id>.md) is published. */
export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

function projectUrl(): string {
  const repository = typeof meta.repository === 'string' ? meta.repository : meta.repository?.url;
  const fromRepository = repository
    ?.replace(/^git\+/, '')
    .replace(/^github:/, 'https://github.com/')
    .replace(/\.git$/, '');
  const candidate = fromRepository && /^https?:\/\//.test(fromRepository) ? fromRepository : meta.homepage;
  const url = candidate && /^https?:\/\//.test(candidate) ? candidate : DEFAULT_PROJECT_URL;
  return url.replace(/#.*$/, '').replace(/\/+$/, '');
}
