/**
 * The site model: every article's entry (entry.ts) and the lookups the site-wide rules need, updated
 * one article at a time. Each link is turned once, when its article is added, into the keys it
 * resolves through, so an update returns the articles it affects without resolving anything.
 */
import { dirname, join, pathBelow, resolve } from '../text/paths';
import type { FileSystemHost } from '../types';
import type { SiteArticle, SiteLink } from './entry';
import { pack, SharedValues, sharePacked, unpack, type PackedArticle } from './packed';
import { ShardedMap } from './shardedMap';
import { routeKey } from '../generators/urls';
import { siteProfileOrGeneric } from '../generators/registry';
import { MARKDOWN_FILE } from '../text/markdownFiles';
import { pathOnSite, safeDecode, SCHEME, sitePathBase } from './siteUrl';


/** How one link resolves: the lookups to try in order, and the fragment to find in the target. */
export interface LinkPlan {
  link: SiteLink;
  /** `self`: a `#fragment` of its own article; `external`: not checked; `internal`: looked up. */
  kind: 'self' | 'external' | 'internal';
  /** The fragment (decoded, without `#`), when the link has one. */
  fragment?: string;
  /** Candidate article or file paths (absolute). */
  files: string[];
  /** Candidate routes (route keys), in this site. */
  routes: string[];
  /** Jekyll `post_url`: the post's file name without extension. */
  postName?: string;
  /** Hugo `ref`: a page's file name (without extension) anywhere in the site. */
  pageName?: string;
  /** A relative link that leaves the site's folder: broken without looking. */
  escapes?: boolean;
  /** The lookup keys (see SiteModel): what other articles' changes can change this link's answer. */
  keys: string[];
}

export type Resolution =
  | { status: 'ok'; targetPath?: string; file?: string }
  | { status: 'external' }
  | { status: 'missing'; reason: string }
  | { status: 'no-anchor'; target: SiteArticle; fragment: string };

/**
 * Key → the paths filed under it. Most keys (a URL, a title, a link's target) have one path, kept as
 * the string itself; a few paths are kept in an array, many in a Set (at 100,000 articles, a Set per
 * key would be most of the model's memory). `get` answers a Set either way.
 */
class PathIndex {
  private readonly map = new ShardedMap<string | string[] | Set<string>>();

  get(key: string): ReadonlySet<string> | undefined {
    const found = this.map.get(key);
    return found === undefined || found instanceof Set ? found : new Set(typeof found === 'string' ? [found] : found);
  }

  /** The paths under a key as kept (one string, an array or a Set): for lookups that must not allocate. */
  paths(key: string): string | readonly string[] | ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  add(key: string, path: string): void {
    const found = this.map.get(key);
    if (found === undefined) this.map.set(key, path);
    else if (typeof found === 'string') {
      if (found !== path) this.map.set(key, [found, path]);
    } else if (found instanceof Set) found.add(path);
    else if (!found.includes(path)) {
      if (found.length < SMALL_GROUP) found.push(path);
      else this.map.set(key, new Set([...found, path]));
    }
  }

  /** Every key with its paths, as plain values (a Set as an array). */
  *entries(): IterableIterator<[string, string | string[]]> {
    for (const key of this.map.keys()) {
      const found = this.map.get(key)!;
      yield [key, typeof found === 'string' ? found : [...found]];
    }
  }

  /**
   * Files entries() gave (in one go or in parts), into an index that holds none of their keys. The
   * index takes the arrays as they are (a restore makes them for it: no copy of each).
   */
  load(entries: Iterable<readonly [string, string | string[]]>): void {
    for (const [key, paths] of entries) {
      if (typeof key !== 'string' || (typeof paths !== 'string' && !Array.isArray(paths))) continue;
      this.map.set(key, typeof paths === 'string' ? paths : paths.length > SMALL_GROUP ? new Set(paths) : paths);
    }
  }

  remove(key: string, path: string): void {
    const found = this.map.get(key);
    if (found === undefined) return;
    if (typeof found === 'string') {
      if (found === path) this.map.delete(key);
      return;
    }
    if (found instanceof Set) found.delete(path);
    else {
      const at = found.indexOf(path);
      if (at !== -1) found.splice(at, 1);
    }
    const size = found instanceof Set ? found.size : found.length;
    if (size === 0) this.map.delete(key);
    else if (size === 1) this.map.set(key, found.values().next().value!);
  }
}

function isObjectOf(value: unknown): value is Record<string, [string, string | string[]][]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(Array.isArray);
}

/** Up to this many paths under one key are kept in an array. */
const SMALL_GROUP = 16;

function add(map: PathIndex, key: string | undefined, path: string): void {
  if (key !== undefined) map.add(key, path);
}

function remove(map: PathIndex, key: string | undefined, path: string): void {
  if (key !== undefined) map.remove(key, path);
}

/** Titles and descriptions compare ignoring case and repeated spaces. */
export function comparableText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function fileName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  return name.replace(MARKDOWN_FILE, '');
}

/** Splits `path?query#fragment`. */
function splitTarget(target: string): { path: string; fragment?: string } {
  const hash = target.indexOf('#');
  const fragment = hash === -1 ? undefined : safeDecode(target.slice(hash + 1));
  let path = hash === -1 ? target : target.slice(0, hash);
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  return { path, fragment };
}

/** A template expression that writes the site's own address or base path (`{{ site.baseurl }}`, `{{ site.url }}`). */
const SITE_ADDRESS = /^\{\{-?\s*site\.(?:url|baseurl|base_url|baseURL|base)\s*-?\}\}$/;

/**
 * The plain path a destination holding template output stands for: `{{ site.baseurl }}/x` (the
 * site's address or base path before a root path) or `{{ '/x' | relative_url }}` (a quoted root
 * path through filters); `null` when template output is anywhere else, or the prefix may be another
 * site's address (`{{ site.repository }}/issues`): it cannot be checked; undefined when the
 * destination holds none.
 */
export function templateLinkPath(target: string): string | null | undefined {
  if (!target.includes('{{') && !target.includes('{%')) return undefined;
  const prefix = /^(?:\s*\{\{[^{}]*\}\})+/.exec(target);
  if (!prefix) return null;
  const rest = target.slice(prefix[0].length);
  if (/[{}]/.test(rest)) return null;
  const expressions = prefix[0].match(/\{\{[^{}]*\}\}/g) ?? [];
  if (rest.startsWith('/') && expressions.every((expression) => SITE_ADDRESS.test(expression))) return rest;
  const quoted = /^\s*\{\{-?\s*(["'])(\/[^"'{}]*)\1\s*(?:\|[^{}]*)?-?\}\}$/.exec(prefix[0]);
  if (quoted && (rest === '' || rest.startsWith('#') || rest.startsWith('?'))) return quoted[2] + rest;
  return null;
}

/**
 * How lookup keys name a site (by its root) and a file (by its path). The model uses short ids (see
 * KeyNamer); a plan made outside the model names them by the paths themselves.
 */
export interface KeyNames {
  site(root: string): string;
  file(path: string): string;
}

const PATH_NAMES: KeyNames = { site: (root) => root, file: (path) => path };

/**
 * Short ids for the roots and folders in the model's lookup keys: at 100,000 articles, absolute
 * paths repeated in every key were a third of the model's memory. Ids are never reused, so a key
 * means one site or file for the model's whole life.
 */
class KeyNamer implements KeyNames {
  readonly sites = new Map<string, string>();
  readonly folders = new Map<string, string>();

  site(root: string): string {
    let id = this.sites.get(root);
    if (id === undefined) {
      id = `s${this.sites.size}`;
      this.sites.set(root, id);
    }
    return id;
  }

  file(path: string): string {
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    // No folder: the path itself (it has no separator, so it never reads as an id's key).
    if (cut === -1) return path;
    const folder = path.slice(0, cut);
    let id = this.folders.get(folder);
    if (id === undefined) {
      id = `d${this.folders.size}`;
      this.folders.set(folder, id);
    }
    return id + path.slice(cut);
  }
}

/** How a link of `source` resolves (depends on `source` only). */
export function planLink(source: SiteArticle, link: SiteLink, names: KeyNames = PATH_NAMES): LinkPlan {
  const plan: LinkPlan = { link, kind: 'internal', files: [], routes: [], keys: [] };
  const folder = dirname(source.path);
  const rootOf = (path: string) => join(source.root, ...path.split('/').filter(Boolean).map(safeDecode));
  const inside = (path: string) => path === source.root || path.startsWith(source.root.endsWith('/') || source.root.endsWith('\\') ? source.root : source.root + (source.root.includes('\\') ? '\\' : '/'));
  const file = (path: string) => {
    plan.files.push(path);
    plan.keys.push(`file:${names.file(path)}`);
  };
  // A link to a source file may be written from the folder the generator reads (Eleventy's input folder).
  const inSourceDirs = (path: string) => {
    for (const dir of source.sourceDirs ?? []) file(join(dir, ...path.split('/').filter(Boolean).map(safeDecode)));
  };
  const route = (path: string) => {
    const key = source.caseInsensitiveRoutes ? routeKey(path).toLowerCase() : routeKey(path);
    plan.routes.push(key);
    plan.keys.push(`route:${names.site(source.root)}|${key}`);
    if (MARKDOWN_FILE.test(path)) {
      file(rootOf(path));
      inSourceDirs(path);
    }
  };
  let target = link.target.trim();

  if (link.kind === 'post_url') {
    const name = target.split('/').pop() ?? target;
    plan.postName = name;
    plan.keys.push(`post:${names.site(source.root)}|${name}`);
    return plan;
  }
  if (link.kind === 'link') {
    file(rootOf(target));
    return plan;
  }
  if (link.kind === 'ref' || link.kind === 'relref') {
    const { path, fragment } = splitTarget(target);
    plan.fragment = fragment;
    if (path === '') {
      plan.kind = 'self';
      return plan;
    }
    const contentRoots = source.refDirs ?? [join(source.root, 'content')];
    const bases = path.startsWith('/') ? contentRoots : [folder, ...contentRoots];
    const hasExtension = MARKDOWN_FILE.test(path);
    for (const base of bases) {
      const full = resolve(base, ...path.split('/').filter(Boolean));
      if (hasExtension) file(full);
      else {
        for (const suffix of ['.md', '/index.md', '/_index.md']) file(full + suffix.replace(/\//g, full.includes('\\') ? '\\' : '/'));
      }
    }
    // Written in another case than the file's: the page's URL, where it is the path's.
    if (source.caseInsensitiveRoutes && path.startsWith('/')) route(path.replace(MARKDOWN_FILE, '').replace(/\/(?:_?index)$/i, '/'));
    if (!path.includes('/')) {
      plan.pageName = fileName(path);
      plan.keys.push(`name:${names.site(source.root)}|${plan.pageName}`);
    }
    return plan;
  }

  // Markdown and HTML links.
  const templated = templateLinkPath(target);
  if (templated === null) {
    plan.kind = 'external';
    return plan;
  }
  if (templated !== undefined) target = templated;
  if (target === '' || target.startsWith('#')) {
    plan.kind = 'self';
    plan.fragment = target === '' ? undefined : safeDecode(target.slice(1));
    return plan;
  }
  if (target.startsWith('//') || SCHEME.test(target)) {
    const onSite = pathOnSite(target, source.siteUrl);
    if (!onSite) {
      plan.kind = 'external';
      return plan;
    }
    plan.fragment = onSite.fragment;
    route(onSite.path);
    return plan;
  }
  const { path, fragment } = splitTarget(target);
  plan.fragment = fragment;
  if (path === '') {
    plan.kind = 'self';
    return plan;
  }
  if (path.startsWith('/')) {
    // The site's base path (`baseurl`) is part of the address, not of its routes.
    const base = sitePathBase(source.siteUrl);
    if (base && (path === base || path.startsWith(`${base}/`))) route(path.slice(base.length) || '/');
    route(path);
    return plan;
  }
  // Relative: a file beside the article, or (not a Markdown file) a route relative to the article's URL.
  const parts = path.split('/').map(safeDecode);
  const full = resolve(folder, ...parts);
  if (!inside(full)) {
    plan.escapes = true;
    return plan;
  }
  file(full);
  if (MARKDOWN_FILE.test(path)) inSourceDirs(path);
  if (source.linkRenderHook && !MARKDOWN_FILE.test(path)) {
    // A link render hook finds pages by path (Hugo's GetPage): the page's folder, then (unless `./`
    // or `../`) the content root.
    const page = full.replace(/[\\/]+$/, '');
    for (const suffix of ['.md', '/index.md', '/_index.md']) file(page + suffix.replace(/\//g, page.includes('\\') ? '\\' : '/'));
    // The same by URL, where URLs follow the content's folders (files named in another case): from a
    // list page's own URL, else from its parent's.
    if (source.url !== undefined) {
      const base = source.listPage ? source.url.replace(/\/?$/, '/') : source.url.replace(/[^/]+\/?$/, '');
      try {
        route(new URL(path, `http://site${base}`).pathname);
      } catch {
        // not a path
      }
    }
    if (!path.startsWith('.')) route(`/${path}`);
  } else if (source.linkRenderHook && !path.startsWith('.')) route(`/${path.replace(MARKDOWN_FILE, '')}`);
  if (!MARKDOWN_FILE.test(path) && source.url !== undefined) {
    const base = source.url.endsWith('/') ? source.url : source.url.replace(/[^/]*$/, '');
    let resolved: string | undefined;
    try {
      resolved = new URL(path, `http://site${base}`).pathname;
    } catch {
      resolved = undefined;
    }
    if (resolved) route(resolved);
  }
  return plan;
}

/** The model's articles, packed (see packed.ts): `get` gives a new SiteArticle each time. */
class ArticleStore {
  private readonly packed = new ShardedMap<PackedArticle>();
  private readonly shared = new SharedValues();

  get size(): number {
    return this.packed.size;
  }

  has(path: string): boolean {
    return this.packed.has(path);
  }

  get(path: string): SiteArticle | undefined {
    const found = this.packed.get(path);
    return found && unpack(found);
  }

  getPacked(path: string): PackedArticle | undefined {
    return this.packed.get(path);
  }

  set(path: string, article: SiteArticle, packed?: PackedArticle): void {
    this.packed.set(path, packed ? sharePacked(packed, this.shared) : pack(article, this.shared));
  }

  setPacked(path: string, packed: PackedArticle): void {
    this.packed.set(path, sharePacked(packed, this.shared));
  }

  delete(path: string): void {
    this.packed.delete(path);
  }

  paths(): IterableIterator<string> {
    return this.packed.keys();
  }

  *values(): IterableIterator<SiteArticle> {
    for (const packed of this.packed.values()) yield unpack(packed);
  }

  /** The articles of one site, without unpacking the others. */
  *ofRoot(root: string): IterableIterator<SiteArticle> {
    for (const packed of this.packed.values()) if (packed.root === root) yield unpack(packed);
  }
}

/**
 * A model's lookups as plain values (see SiteModel.snapshot), without its articles: saved beside
 * their entries, it makes the same model again without resolving a link.
 */
export interface SiteModelSnapshot {
  paths: string[];
  sites: [string, string][];
  folders: [string, string][];
  sizes: [string, number][];
  indexes: Record<string, [string, string | string[]][]>;
}

export class SiteModel {
  private readonly names = new KeyNamer();
  private readonly articles = new ArticleStore();
  private readonly byRoute = new PathIndex();
  private readonly byTitle = new PathIndex();
  private readonly byDescription = new PathIndex();
  private readonly byPostName = new PathIndex();
  private readonly byPageName = new PathIndex();
  /** Routes that pages make exist (a section's list, a taxonomy term's page): never compared for duplicates. */
  private readonly byImpliedRoute = new PathIndex();
  /** The routes pages redirect from: a link there reaches the page, unless a page is published there. */
  private readonly byAlias = new PathIndex();
  private readonly siteSizes = new Map<string, number>();
  /** Lookup key → the articles with a link that looks it up. */
  private readonly dependents = new PathIndex();

  get size(): number {
    return this.articles.size;
  }

  private changes = 0;

  /** Grows with every change: a store written over several turns of the event loop checks the model stayed the same. */
  get version(): number {
    return this.changes;
  }

  get(path: string): SiteArticle | undefined {
    return this.articles.get(path);
  }

  /** Whether the model holds an article at this path (without unpacking it). */
  has(path: string): boolean {
    return this.articles.has(path);
  }

  /** An article as the model keeps it (see packed.ts), for storing without unpacking. */
  packedOf(path: string): PackedArticle | undefined {
    return this.articles.getPacked(path);
  }

  /** Every article (each unpacked in turn: prefer paths() when the paths are enough). */
  all(): IterableIterator<SiteArticle> {
    return this.articles.values();
  }

  /** Every article's path, without unpacking any. */
  paths(): IterableIterator<string> {
    return this.articles.paths();
  }

  /** The roots of the sites the model holds articles of. */
  roots(): IterableIterator<string> {
    return this.siteSizes.keys();
  }

  /** How many articles the model holds for one site root. */
  siteSize(root: string): number {
    return this.siteSizes.get(root) ?? 0;
  }

  private indexes(): Record<string, PathIndex> {
    return {
      route: this.byRoute,
      title: this.byTitle,
      description: this.byDescription,
      post: this.byPostName,
      page: this.byPageName,
      implied: this.byImpliedRoute,
      alias: this.byAlias,
      dependents: this.dependents,
    };
  }

  /** The model's lookups as plain values (see restore). */
  snapshot(): SiteModelSnapshot {
    const indexes: Record<string, [string, string | string[]][]> = {};
    for (const [name, index] of Object.entries(this.indexes())) indexes[name] = [...index.entries()];
    return { paths: [...this.articles.paths()], ...this.snapshotNames(), indexes };
  }

  /** The snapshot's names and site sizes (see snapshotIndexes: the lookups one entry at a time). */
  snapshotNames(): Pick<SiteModelSnapshot, 'sites' | 'folders' | 'sizes'> {
    return { sites: [...this.names.sites], folders: [...this.names.folders], sizes: [...this.siteSizes] };
  }

  /** The snapshot's lookups one entry at a time, with the name of the lookup each is in: for a store that writes as it goes. */
  *snapshotIndexes(): Generator<[name: string, key: string, paths: string | string[]]> {
    for (const [name, index] of Object.entries(this.indexes())) for (const [key, paths] of index.entries()) yield [name, key, paths];
  }

  /**
   * The model a snapshot was taken of, given its articles' packed entries (`packedOf`, by path);
   * undefined when one of them is missing or the snapshot is not one.
   */
  static restore(snapshot: SiteModelSnapshot, packedOf: (path: string) => PackedArticle | undefined): SiteModel | undefined {
    if (!Array.isArray(snapshot?.paths) || !isObjectOf(snapshot.indexes)) return undefined;
    const restoring = SiteModel.restoring(snapshot);
    if (!restoring) return undefined;
    for (const path of snapshot.paths) {
      const packed = packedOf(path);
      if (!packed || packed.path !== path) return undefined;
      restoring.article(packed);
    }
    for (const [name, entries] of Object.entries(snapshot.indexes)) if (!restoring.index(name, entries)) return undefined;
    return restoring.done();
  }

  /**
   * A model made again from a snapshot given a piece at a time (the editor's restore yields to the
   * event loop between pieces): its names first, then every article (packed) and the entries of
   * every lookup that has any, in any order; `done` gives the model.
   */
  static restoring(names: Pick<SiteModelSnapshot, 'sites' | 'folders' | 'sizes'>): { article(packed: PackedArticle): void; index(name: string, entries: Iterable<readonly [string, string | string[]]>): boolean; done(): SiteModel } | undefined {
    const pairs = (value: unknown) => Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string');
    if (!pairs(names?.sites) || !pairs(names.folders) || !pairs(names.sizes)) return undefined;
    const model = new SiteModel();
    for (const [root, id] of names.sites) model.names.sites.set(root, id);
    for (const [folder, id] of names.folders) model.names.folders.set(folder, id);
    for (const [root, size] of names.sizes) model.siteSizes.set(root, size);
    const indexes = model.indexes();
    return {
      article: (packed) => model.articles.setPacked(packed.path, packed),
      index: (name, entries) => {
        const index = Object.prototype.hasOwnProperty.call(indexes, name) ? indexes[name] : undefined;
        if (!index) return false;
        index.load(entries);
        return true;
      },
      done: () => model,
    };
  }

  /** Adds or replaces an article; returns the paths whose site-wide findings may change (itself included). */
  set(article: SiteArticle): Set<string> {
    this.changes++;
    const affected = this.delete(article.path);
    const plans = this.planLinks(article);
    const size = this.fileArticle(article, plans);
    // A site's first article had no orphan finding while it was alone.
    if (size === 2) for (const other of this.articlesOf(article.root)) affected.add(other.path);
    this.collectAffected(article, plans, affected);
    affected.add(article.path);
    return affected;
  }

  /**
   * Adds or replaces an article, packed already (the CLI's workers send entries so: a few strings
   * cross threads faster than objects), without working out what else it affects: for a run that
   * checks every article afterwards.
   */
  insertPacked(packed: PackedArticle): void {
    this.changes++;
    const article = unpack(packed);
    if (this.articles.has(article.path)) this.delete(article.path);
    this.fileArticle(article, this.planLinks(article), packed);
  }

  /** Files the article (packed, unless it comes packed) and its lookup keys; returns its site's size. */
  private fileArticle(article: SiteArticle, plans: readonly LinkPlan[], packed?: PackedArticle): number {
    this.articles.set(article.path, article, packed);
    const size = (this.siteSizes.get(article.root) ?? 0) + 1;
    this.siteSizes.set(article.root, size);
    for (const key of this.ownKeys(article)) add(this.lookupOf(key.map), key.key, article.path);
    for (const plan of plans) for (const key of plan.keys) add(this.dependents, key, article.path);
    return size;
  }

  /** Removes an article; returns the paths whose site-wide findings may change. */
  delete(path: string): Set<string> {
    this.changes++;
    const affected = new Set<string>();
    const article = this.articles.get(path);
    if (!article) return affected;
    const plans = this.planLinks(article);
    // Before removing: the targets its links reach lose an inbound link.
    this.collectAffected(article, plans, affected);
    for (const key of this.ownKeys(article)) remove(this.lookupOf(key.map), key.key, path);
    for (const plan of plans) for (const key of plan.keys) remove(this.dependents, key, path);
    this.articles.delete(path);
    const size = (this.siteSizes.get(article.root) ?? 1) - 1;
    if (size > 0) this.siteSizes.set(article.root, size);
    else this.siteSizes.delete(article.root);
    affected.delete(path);
    // A site left with one article has no orphan any more.
    if (size === 1) for (const other of this.articlesOf(article.root)) affected.add(other.path);
    return affected;
  }

  /** The articles of one site (a scan: only for the rare moments a site's size crosses two). */
  *articlesOf(root: string): Generator<SiteArticle> {
    yield* this.articles.ofRoot(root);
  }

  private lookupOf(map: LookupName): PathIndex {
    switch (map) {
      case 'route':
        return this.byRoute;
      case 'implied':
        return this.byImpliedRoute;
      case 'alias':
        return this.byAlias;
      case 'title':
        return this.byTitle;
      case 'description':
        return this.byDescription;
      case 'post':
        return this.byPostName;
      default:
        return this.byPageName;
    }
  }

  private ownKeys(article: SiteArticle): { map: LookupName; key: string | undefined }[] {
    const site = this.names.site(article.root);
    const scope = `${site}|${article.language ?? ''}|`;
    const name = fileName(article.path);
    const isPost = /(^|\/)_(posts|drafts)\//.test(article.relativePath);
    return [
      { map: 'route', key: article.routeKey === undefined ? undefined : `${site}|${article.routeKey}` },
      ...(article.aliases ?? []).map((alias) => ({ map: 'alias' as const, key: `${site}|${alias}` })),
      { map: 'title', key: article.title ? scope + comparableText(article.title) : undefined },
      { map: 'description', key: article.description ? scope + comparableText(article.description) : undefined },
      { map: 'post', key: isPost ? `${site}|${name}` : undefined },
      { map: 'page', key: `${site}|${name === 'index' || name === '_index' ? (article.relativePath.split('/').slice(-2, -1)[0] ?? name) : name}` },
      ...(article.impliedRoutes ?? []).map((route) => ({ map: 'implied' as const, key: `${site}|${route}` })),
    ];
  }

  /** Everything whose findings depend on `article`'s lookups, and the targets of its links. */
  private collectAffected(article: SiteArticle, plans: readonly LinkPlan[], affected: Set<string>): void {
    for (const key of this.ownKeys(article)) {
      // Pages sharing an implied route (a section's) or an alias are no duplicates of each other.
      if (key.key === undefined || key.map === 'implied' || key.map === 'alias') continue;
      for (const path of this.lookupOf(key.map).get(key.key) ?? []) affected.add(path);
    }
    for (const key of this.targetKeys(article)) for (const path of this.dependents.get(key) ?? []) affected.add(path);
    for (const plan of plans) {
      if (plan.kind !== 'internal') continue;
      const target = this.resolvedPath(article, plan);
      if (target !== undefined) affected.add(target);
    }
  }

  /** The lookup keys by which links can reach `article`. */
  private targetKeys(article: SiteArticle): string[] {
    const site = this.names.site(article.root);
    const keys = [`file:${this.names.file(article.path)}`];
    if (article.routeKey !== undefined) keys.push(`route:${site}|${article.routeKey}`);
    for (const alias of article.aliases ?? []) keys.push(`route:${site}|${alias}`);
    for (const route of article.impliedRoutes ?? []) keys.push(`route:${site}|${route}`);
    const name = fileName(article.path);
    if (/(^|\/)_(posts|drafts)\//.test(article.relativePath)) keys.push(`post:${site}|${name}`);
    const page = name === 'index' || name === '_index' ? article.relativePath.split('/').slice(-2, -1)[0] ?? name : name;
    keys.push(`name:${site}|${page}`);
    return keys;
  }

  /** How an article's links resolve (made again on each call: plans are cheap, and the model keeps none). */
  plansOf(article: SiteArticle): readonly LinkPlan[] {
    return this.planLinks(article);
  }

  private planLinks(article: SiteArticle): LinkPlan[] {
    return article.links.map((link) => planLink(article, link, this.names));
  }

  /** Other articles with the same title (or description) in the same site and language. */
  sameTitle(article: SiteArticle): SiteArticle[] {
    return this.others(this.byTitle, article.title ? `${this.names.site(article.root)}|${article.language ?? ''}|${comparableText(article.title)}` : undefined, article).filter((other) => !other.listPage);
  }

  sameDescription(article: SiteArticle): SiteArticle[] {
    return this.others(this.byDescription, article.description ? `${this.names.site(article.root)}|${article.language ?? ''}|${comparableText(article.description)}` : undefined, article).filter((other) => !other.listPage);
  }

  /** Other articles at the same URL in the same language (translations answer at their own hosts or prefixes). */
  sameUrl(article: SiteArticle): SiteArticle[] {
    const others = this.others(this.byRoute, article.routeKey === undefined ? undefined : `${this.names.site(article.root)}|${article.routeKey}`, article);
    return others.filter((other) => (other.language ?? '') === (article.language ?? ''));
  }

  private others(map: PathIndex, key: string | undefined, article: SiteArticle): SiteArticle[] {
    if (key === undefined) return [];
    const result: SiteArticle[] = [];
    for (const path of map.get(key) ?? []) if (path !== article.path) result.push(this.articles.get(path)!);
    return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The article a route reaches in a site. */
  articleAtRoute(root: string, route: string): SiteArticle | undefined {
    const set = this.byRoute.get(`${this.names.site(root)}|${routeKey(route)}`);
    if (!set || set.size === 0) return undefined;
    return this.articles.get([...set].sort()[0]);
  }

  /** The article a planned link reaches among the model's articles, if any (no file system). */
  resolveInModel(source: SiteArticle, plan: LinkPlan): { target: SiteArticle } | undefined {
    const path = this.resolvedPath(source, plan);
    if (path === undefined) return undefined;
    return { target: path === source.path ? source : this.articles.get(path)! };
  }

  /** The path of the article a planned link reaches among the model's articles (nothing unpacked). */
  resolvedPath(source: SiteArticle, plan: LinkPlan): string | undefined {
    if (plan.kind === 'self') return source.path;
    if (plan.kind !== 'internal' || plan.escapes) return undefined;
    for (const file of plan.files) if (this.articles.has(file)) return file;
    for (const route of plan.routes) {
      const found = pick(this.byRoute.paths(`${this.names.site(source.root)}|${route}`), source);
      if (found !== undefined) return found;
    }
    for (const route of plan.routes) {
      const found = pick(this.byAlias.paths(`${this.names.site(source.root)}|${route}`), source);
      if (found !== undefined) return found;
    }
    if (plan.postName !== undefined) {
      const found = pick(this.byPostName.paths(`${this.names.site(source.root)}|${plan.postName}`), source);
      if (found !== undefined) return found;
    }
    if (plan.pageName !== undefined) {
      const found = pick(this.byPageName.paths(`${this.names.site(source.root)}|${plan.pageName}`), source);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** How a link resolves: an article (and its heading), a file on disk, or nothing. */
  async resolve(source: SiteArticle, plan: LinkPlan, fs?: FileSystemHost): Promise<Resolution> {
    if (plan.kind === 'external') return { status: 'external' };
    if (plan.escapes) return { status: 'missing', reason: 'it leaves the site’s folder' };
    const targetPath = this.resolvedPath(source, plan);
    if (targetPath !== undefined) {
      if (plan.fragment !== undefined && plan.fragment !== '') {
        // Only a fragment needs the target's contents (its anchors).
        const target = targetPath === source.path ? source : this.articles.get(targetPath)!;
        if (!hasAnchor(target, plan.fragment)) return { status: 'no-anchor', target, fragment: plan.fragment };
      }
      return { status: 'ok', targetPath };
    }
    if (this.reachesGeneratedRoute(source, plan)) return { status: 'ok' };
    if (!fs) return { status: 'ok' };
    for (const file of plan.files) {
      if ((await fs.stat(file)) === 'file') return { status: 'ok', file };
      // A folder with an index page (`../guide/` beside a bundle).
    }
    for (const route of plan.routes) {
      for (const dir of source.publicDirs) {
        const candidate = join(dir, ...route.split('/').filter(Boolean).map(safeDecode));
        const kind = await fs.stat(candidate);
        if (kind === 'file' || (kind === 'directory' && (await fs.stat(join(candidate, 'index.html'))) === 'file')) return { status: 'ok', file: candidate };
      }
    }
    const sources = siteProfileOrGeneric(source.profile).routeSources;
    if (sources) {
      // A file the generator publishes elsewhere (its own permalink) or not at all is not at its path's route.
      const elsewhere = source.sourcesElsewhere?.length ? new Set(source.sourcesElsewhere) : undefined;
      for (const route of plan.routes) {
        for (const dir of source.sourceDirs?.length ? source.sourceDirs : [source.root]) {
          for (const candidate of sources(route)) {
            const file = join(dir, ...candidate.split('/'));
            if (elsewhere?.has(pathBelow(source.root, file) ?? '')) continue;
            if ((await fs.stat(file)) === 'file') return { status: 'ok', file };
          }
        }
      }
    }
    if (plan.kind === 'self') return { status: 'ok' };
    const what =
      plan.postName !== undefined
        ? `no post named ${plan.postName}`
        : plan.routes.length && plan.files.length === 0
          ? 'no article has that URL and no file in the public folder has that path'
          : plan.routes.length
            ? 'no article or file is there'
            : 'no such file';
    return { status: 'missing', reason: what };
  }

  /** Whether a planned link reaches a route the generator makes: one that a page implies, or one of the site's own routes. */
  private reachesGeneratedRoute(source: SiteArticle, plan: LinkPlan): boolean {
    if (plan.kind !== 'internal' || plan.escapes) return false;
    const site = this.names.site(source.root);
    for (const route of plan.routes) {
      if (this.byImpliedRoute.paths(`${site}|${route}`) !== undefined) return true;
      if (source.routes && siteRouteMatcher(source.routes)(route)) return true;
    }
    return false;
  }

  /** The articles with a link that reaches `target` (other than itself), in path order. */
  linkersOf(target: SiteArticle): SiteArticle[] {
    const result: SiteArticle[] = [];
    this.eachLinker(target, (source) => {
      result.push(source);
      return true;
    });
    return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Whether another article links to `target` (stops at the first it finds). */
  hasLinker(target: SiteArticle): boolean {
    let found = false;
    this.eachLinker(target, () => {
      found = true;
      return false;
    });
    return found;
  }

  /** Calls `visit` with each article that links to `target` until it returns false. */
  private eachLinker(target: SiteArticle, visit: (source: SiteArticle) => boolean): void {
    const candidates = new Set<string>();
    for (const key of this.targetKeys(target)) for (const path of this.dependents.get(key) ?? []) candidates.add(path);
    candidates.delete(target.path);
    for (const path of candidates) {
      const source = this.articles.get(path);
      if (!source) continue;
      const reaches = source.links.some((link) => {
        const plan = planLink(source, link);
        return plan.kind === 'internal' && this.resolvedPath(source, plan) === target.path;
      });
      if (reaches && !visit(source)) return;
    }
  }
}

type LookupName = 'route' | 'title' | 'description' | 'post' | 'page' | 'implied' | 'alias';

/** One matcher per list of a site's routes (the list is shared by the site's articles). */
const siteRouteMatchers = new WeakMap<readonly string[], (route: string) => boolean>();

/**
 * Whether a route key is one of a site's generated routes: the literal ones (most: a site's pages
 * other than Markdown) looked up in a set, the globs (`*` one segment) tried in turn.
 */
function siteRouteMatcher(globs: readonly string[]): (route: string) => boolean {
  let matcher = siteRouteMatchers.get(globs);
  if (!matcher) {
    const literal = new Set(globs.filter((glob) => !glob.includes('*')));
    const patterns = globs.filter((glob) => glob.includes('*')).map((glob) => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`));
    matcher = (route) => literal.has(route) || patterns.some((pattern) => pattern.test(route));
    siteRouteMatchers.set(globs, matcher);
  }
  return matcher;
}

/**
 * The article a lookup reaches when several share its key (two articles at one URL): another
 * article rather than the link's own, then the first by path, so the answer never depends on the
 * order in which articles were added.
 */
function pick(paths: string | readonly string[] | ReadonlySet<string> | undefined, source: SiteArticle): string | undefined {
  if (paths === undefined) return undefined;
  if (typeof paths === 'string') return paths;
  let best: string | undefined;
  for (const path of paths) {
    if (best === undefined) best = path;
    else if ((best === source.path) !== (path === source.path)) best = best === source.path ? path : best;
    else if (path < best) best = path;
  }
  return best;
}

function hasAnchor(article: SiteArticle, fragment: string): boolean {
  // Headings the page brings in from elsewhere (an include, an imported component) are not known here.
  if (article.importsContent) return true;
  if (article.anchors.some((anchor) => anchor.id === fragment) || article.anchors.some((anchor) => anchor.id === fragment.toLowerCase())) return true;
  if (!siteProfileOrGeneric(article.profile).looseHeadingIds) return false;
  const wanted = letterSkeleton(fragment);
  return wanted !== '' && article.anchors.some((anchor) => anchor.level > 0 && (letterSkeleton(anchor.text) === wanted || letterSkeleton(anchor.text.replace(/&/g, ' and ')) === wanted));
}

/** A heading's or fragment's letters and digits, lowercase, accents dropped: what every slug scheme keeps. */
function letterSkeleton(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

