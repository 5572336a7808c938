/**
 * The analysis context every rule receives: the parsed article and the facts derived from it, each
 * computed at most once (frontmatter values and ranges, the schema check, headings, images, FAQ,
 * keyword text, image paths). Rules are pure functions of this context and their options.
 */
import type { ResolvedConfig } from '../config/config';
import { faqOf, type FaqSection } from '../facts/faq';
import { headingsOf, type Heading } from '../facts/headings';
import { ImageResolver } from '../facts/imagePaths';
import { imagesOf, isMdxPath, type ImageRef } from '../facts/images';
import { keywordText } from '../facts/keywords';
import type { ParsedArticle } from '../parse/parse';
import type { SchemaCheck } from '../schema/schemaCheck';
import type { FileSystemHost } from '../types';
import type { FrontmatterError } from '../parse/frontmatter';
import { GENERIC_SITE, readUrlSettings, sitePath, type SiteInfo } from '../generators/registry';
import { rolesFor } from '../site/directory';
import type { SiteFrontmatterProblems } from '../site/articleKind';
import type { SiteProfile } from '../generators/profile';
import { heroValue, roleValue, type HeroValue, type RoleName, type RoleValue } from '../generators/roles';

export interface AnalysisContextInit {
  article: ParsedArticle;
  filePath?: string;
  config: ResolvedConfig;
  fs?: FileSystemHost;
  isContent: boolean;
  /** Undefined when there is no frontmatter to check (none, or a syntax error). */
  schemaCheck?: SchemaCheck;
  /** Why a configured or generated schema could not be used (the built-in one was). */
  schemaProblem?: string;
  /** The article's site (generic when absent). */
  site?: SiteInfo;
  /** What the site's generator makes of the block's format. */
  siteProblems?: SiteFrontmatterProblems;
  /** Every rule id (a disable comment may name any of them). */
  ruleIds?: readonly string[];
}

export class AnalysisContext {
  readonly article: ParsedArticle;
  readonly filePath?: string;
  readonly config: ResolvedConfig;
  readonly fs?: FileSystemHost;
  readonly isContent: boolean;
  readonly schemaCheck?: SchemaCheck;
  readonly schemaProblem?: string;
  readonly isMdx: boolean;
  readonly site: SiteInfo;
  /** Every rule id (a disable comment may name any of them). */
  readonly ruleIds: readonly string[];
  /** The frontmatter's syntax problems: the parse's, and the site's (a format its generator does not read). */
  readonly frontmatterErrors: readonly FrontmatterError[];
  /** A note instead of any frontmatter check (Eleventy's `---js`). */
  readonly frontmatterNote?: { message: string; start: number; end: number };
  private resolver?: ImageResolver;

  constructor(init: AnalysisContextInit) {
    this.article = init.article;
    this.filePath = init.filePath;
    this.config = init.config;
    this.fs = init.fs;
    this.isContent = init.isContent;
    this.schemaCheck = init.schemaCheck;
    this.schemaProblem = init.schemaProblem;
    this.isMdx = init.article.kind === 'mdx' || isMdxPath(init.filePath);
    this.site = init.site ?? GENERIC_SITE;
    this.ruleIds = init.ruleIds ?? [];
    const parseErrors = init.article.frontmatter?.errors ?? [];
    this.frontmatterNote = init.siteProblems?.note;
    this.frontmatterErrors = this.frontmatterNote ? [] : init.siteProblems?.errors.length ? init.siteProblems.errors : parseErrors;
  }

  /** True when the frontmatter was read as a mapping without errors, in a format the site reads: frontmatter rules may run. */
  get frontmatterOk(): boolean {
    const frontmatter = this.article.frontmatter;
    return !!frontmatter && this.frontmatterErrors.length === 0 && !this.frontmatterNote && frontmatter.data !== undefined;
  }

  /** The value of a role (title, description, published, updated): the first of its keys present. */
  role(role: RoleName): RoleValue | undefined {
    return roleValue(this.site.profile, this.data, role);
  }

  /** The key of one of the tool's own fields on this site (the keyword list, the slug, the declared reading time). */
  key(field: keyof SiteProfile['keys']): string {
    return this.site.profile.keys[field];
  }

  /** The hero image by role, with the alt text that pairs with it. */
  get hero(): HeroValue | undefined {
    return heroValue(this.site.profile, this.data);
  }

  /** The article's path relative to its site's root (`/` separators), when the site has a root. */
  get sitePath(): string | undefined {
    return this.filePath ? sitePath(this.site, this.filePath) : undefined;
  }

  /**
   * Where the site keeps a moved page's old URLs, and this page's URL now: only where the generator
   * keeps redirects (Hugo `aliases`, Jekyll `redirect_from` when the site names jekyll-redirect-from).
   */
  async redirect(): Promise<{ key: string; url: string } | undefined> {
    const { profile, root, conventions } = this.site;
    const redirects = profile.redirects;
    const relativePath = this.sitePath;
    if (!redirects || relativePath === undefined) return undefined;
    if (redirects.plugin && !conventions?.plugins.includes(redirects.plugin)) return undefined;
    const roles = rolesFor(profile.name, relativePath);
    const settings = await readUrlSettings(profile, root, this.fs);
    const url = profile.articleUrl({ relativePath, data: this.data, date: roles.date(this.data), title: roles.title(this.data)?.text, settings }).url;
    return url === undefined ? undefined : { key: redirects.key, url };
  }

  /** The frontmatter's values, when it parsed. */
  get data(): Record<string, unknown> {
    return (this.frontmatterOk ? this.article.frontmatter!.data : undefined) ?? {};
  }

  /** Whether a key is present (not null) and its value satisfies the schema: field rules check only these. */
  isValid(key: string): boolean {
    const value = this.data[key];
    return value !== undefined && value !== null && !this.schemaCheck?.invalidKeys.has(key);
  }

  get headings(): Heading[] {
    return headingsOf(this.article);
  }

  get images(): ImageRef[] {
    return imagesOf(this.article, this.isMdx);
  }

  get faq(): FaqSection | undefined {
    return faqOf(this.article);
  }

  get keywordText(): string {
    return keywordText(this.article);
  }

  /** Image paths resolve through the caller's file system; without one nothing is checked. */
  get imageResolver(): ImageResolver | undefined {
    if (!this.fs) return undefined;
    this.resolver ??= new ImageResolver(this.fs, this.filePath, this.config.publicDir, {
      root: this.site.root,
      publicDirs: this.site.profile.publicDirs,
      assetDirs: this.site.profile.assetDirs,
    });
    return this.resolver;
  }
}
