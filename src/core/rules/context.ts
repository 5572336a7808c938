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
import type { SchemaCheck } from '../schema/schema';
import type { FileSystemHost } from '../types';

export interface AnalysisContextInit {
  article: ParsedArticle;
  filePath?: string;
  config: ResolvedConfig;
  fs?: FileSystemHost;
  isArticle: boolean;
  /** Undefined when there is no frontmatter to check (none, or a syntax error). */
  schemaCheck?: SchemaCheck;
  /** Why a configured or generated schema could not be used (the built-in one was). */
  schemaProblem?: string;
}

export class AnalysisContext {
  readonly article: ParsedArticle;
  readonly filePath?: string;
  readonly config: ResolvedConfig;
  readonly fs?: FileSystemHost;
  readonly isArticle: boolean;
  readonly schemaCheck?: SchemaCheck;
  readonly schemaProblem?: string;
  readonly isMdx: boolean;
  private resolver?: ImageResolver;

  constructor(init: AnalysisContextInit) {
    this.article = init.article;
    this.filePath = init.filePath;
    this.config = init.config;
    this.fs = init.fs;
    this.isArticle = init.isArticle;
    this.schemaCheck = init.schemaCheck;
    this.schemaProblem = init.schemaProblem;
    this.isMdx = init.article.kind === 'mdx' || isMdxPath(init.filePath);
  }

  /** True when the frontmatter parsed as a YAML mapping without errors: frontmatter rules may run. */
  get frontmatterOk(): boolean {
    const frontmatter = this.article.frontmatter;
    return !!frontmatter && frontmatter.errors.length === 0 && frontmatter.data !== undefined;
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
    this.resolver ??= new ImageResolver(this.fs, this.filePath, this.config.publicDir);
    return this.resolver;
  }
}
