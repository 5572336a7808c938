/**
 * `.article-lint.json`: discovery (the nearest one walking up from the article's folder), validation
 * (every problem named by file and key, returned, never thrown) and the resolved configuration the
 * engine runs with: defaults merged with the file, per-rule severity and options.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import { LineIndex } from '../parse/lines';
import { firstOfKind } from '../text/folders';
import { globMatcher } from '../text/globs';
import { dirname, foldersUpFrom, isAbsolute, join, pathBelow, relativePosix, resolve, withoutRoot } from '../text/paths';
import { siteNames } from '../generators/registry';
import type { FileSystemHost, RuleSetting, Severity, SeveritySetting } from '../types';

export const CONFIG_FILE_NAME = '.article-lint.json';
const DEFAULT_INCLUDE: readonly string[] = ['**/{blog,posts,articles,content}/**/*.{md,mdx}'];

/** One option a rule accepts in `.article-lint.json` (all options are numbers today). */
export interface RuleOptionSpec {
  type: 'integer' | 'number';
  minimum?: number;
  description: string;
}

/** What the configuration knows of a rule: the caller passes the rule list it validates against. */
export interface ConfigurableRule {
  id: string;
  defaultSeverity: SeveritySetting;
  defaultOptions: Readonly<Record<string, unknown>>;
  optionSpecs: Readonly<Record<string, RuleOptionSpec>>;
}

export interface RuleConfig {
  severity: SeveritySetting;
  /** The rule's defaultOptions merged with the file's. */
  options: Record<string, unknown>;
}

/** Which JSON Schema checks the frontmatter: one file, or the first glob that matches the article. */
export type SchemaSetting = { path: string } | { globs: { glob: string; path: string }[] };

export interface ResolvedConfig {
  /** The nearest `.article-lint.json` this came from (absolute), if any. */
  file?: string;
  /** Every file that made it, the nearest first: a file extends the one above it unless it says `"root": true`. */
  files?: string[];
  /** The folder `include` globs are resolved against (the folder of the file that set them, else of the nearest file). */
  baseDir?: string;
  /** The folder the `schema` globs are resolved against (the folder of the file that set them). */
  schemaBaseDir?: string;
  include: string[];
  /** True when `include` comes from the configuration file (it then replaces the site profile's articles). */
  includeConfigured?: boolean;
  /** The site profile named by `"site"`, when the file names one (else it is detected). */
  site?: string;
  /** Absolute public folder for `/x.png` images; when absent it is searched for. */
  publicDir?: string;
  /** The site's own address (`https://example.com`): absolute links to its host are internal links. */
  siteUrl?: string;
  /** Absolute schema path(s); when absent: Astro's generated schema, else the built-in one. */
  schema?: SchemaSetting;
  /** Every rule of the registry, by id. */
  rules: Record<string, RuleConfig>;
}

export interface ConfigProblem {
  /** The configuration file (absolute path). */
  file: string;
  /** Where in the file: `rules.title-length`, `include[1]`, `publicDir`, or '' for the whole file. */
  key: string;
  message: string;
  /** Offsets and 1-based positions in the file, when known. */
  start?: number;
  end?: number;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

/** What one file sets, valid values only: a nearer file's values replace these key by key. */
interface WrittenConfig {
  root?: boolean;
  include?: string[];
  site?: string;
  publicDir?: string;
  siteUrl?: string;
  schema?: SchemaSetting;
  /** Each rule the file names: its severity and the options it writes. */
  rules: Record<string, { severity: SeveritySetting; options: Record<string, unknown> }>;
}

/** `file:line:column: key: message` — the one line the CLI prints. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`;
}

/** The configuration when there is no file; `baseDir` is the workspace folder or working directory. */
export function defaultConfig(ruleList: readonly ConfigurableRule[], baseDir?: string): ResolvedConfig {
  const rules: Record<string, RuleConfig> = {};
  for (const rule of ruleList) rules[rule.id] = { severity: rule.defaultSeverity, options: { ...rule.defaultOptions } };
  return { baseDir, include: [...DEFAULT_INCLUDE], rules };
}

/** The nearest `.article-lint.json` in `folder` or above it. */
export async function findConfigFile(folder: string, fs: FileSystemHost): Promise<string | undefined> {
  // The nearest wins.
  return firstOfKind(fs, [...foldersUpFrom(folder)].map((dir) => join(dir, CONFIG_FILE_NAME)), 'file');
}

export interface LoadConfigOptions {
  fs: FileSystemHost;
  /** The rules the configuration may name (the engine's registry). */
  rules: readonly ConfigurableRule[];
  /** An explicit configuration file (the CLI's `--config`); no discovery then. */
  configFile?: string;
  /** The article (or folder) from which to search upwards for `.article-lint.json`. */
  forPath?: string;
  /** Base folder for `include` when no file is found (workspace folder, CLI working directory). */
  defaultBaseDir?: string;
}

const readConfigs = new Map<string, { text: string; rules: readonly ConfigurableRule[]; read: ConfigRead }>();

interface ConfigRead {
  /** The file alone, over the defaults. */
  loaded: LoadedConfig;
  written: WrittenConfig;
}

/** One file's parse, cached by its text (the configuration of every article of a folder is the same). */
function readConfigFile(text: string, file: string, rules: readonly ConfigurableRule[]): ConfigRead {
  const cached = readConfigs.get(file);
  if (cached && cached.text === text && cached.rules === rules) return cached.read;
  const read = parseConfigFile(text, file, rules);
  if (readConfigs.size > 100) readConfigs.clear();
  readConfigs.set(file, { text, rules, read });
  return read;
}

/**
 * Finds, reads, validates and resolves the configuration: the nearest `.article-lint.json`, extending
 * the one above it, and so on up to a file that says `"root": true` (an explicit `configFile` stands
 * alone). Problems (unreadable file, bad JSON, unknown rule, bad value, missing schema or public
 * folder) come back in `problems`, each with its file; the config is then the defaults with
 * whatever was valid applied.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const { fs } = options;
  let file = options.configFile ? resolve(options.configFile) : undefined;
  if (!file && options.forPath) {
    const start = (await fs.stat(options.forPath)) === 'directory' ? options.forPath : dirname(options.forPath);
    file = await findConfigFile(start, fs);
  }
  if (!file) return { config: defaultConfig(options.rules, options.defaultBaseDir), problems: [] };
  const chain: { file: string; text: string; read: ConfigRead }[] = [];
  const problems: ConfigProblem[] = [];
  for (let next: string | undefined = file; next; ) {
    const text = await fs.readText(next);
    if (text === undefined) {
      problems.push({ file: next, key: '', message: 'The configuration file cannot be read.' });
      break;
    }
    const read = readConfigFile(text, next, options.rules);
    chain.push({ file: next, text, read });
    problems.push(...read.loaded.problems, ...(await checkConfigPaths(read.loaded.config, text, fs)));
    if (options.configFile || read.written.root) break;
    const parent = dirname(dirname(next));
    next = parent === dirname(next) ? undefined : await findConfigFile(parent, fs);
  }
  if (chain.length === 0) return { config: defaultConfig(options.rules, options.defaultBaseDir), problems };
  if (chain.length === 1) return { config: chain[0].read.loaded.config, problems };
  let config = defaultConfig(options.rules);
  for (const link of chain.reverse()) config = extendConfig(config, link.file, link.read.written);
  return { config, problems };
}

/** `base` with what `file` sets: each rule it names (its options over the inherited ones), and each key it sets. */
function extendConfig(base: ResolvedConfig, file: string, written: WrittenConfig): ResolvedConfig {
  const folder = dirname(file);
  const rules = { ...base.rules };
  for (const [id, setting] of Object.entries(written.rules)) rules[id] = { severity: setting.severity, options: { ...base.rules[id]?.options, ...setting.options } };
  const config: ResolvedConfig = { ...base, file, files: [file, ...(base.files ?? [])], rules };
  if (written.include) Object.assign(config, { include: written.include, includeConfigured: true, baseDir: folder });
  else if (!base.includeConfigured) config.baseDir = folder;
  if (written.schema) Object.assign(config, { schema: written.schema, schemaBaseDir: folder });
  if (written.site !== undefined) config.site = written.site;
  if (written.publicDir !== undefined) config.publicDir = written.publicDir;
  if (written.siteUrl !== undefined) config.siteUrl = written.siteUrl;
  return config;
}

/** Existence of the folders and files the configuration names. */
async function checkConfigPaths(config: ResolvedConfig, text: string, fs: FileSystemHost): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const file = config.file!;
  const locate = locator(text, file);
  if (config.publicDir && (await fs.stat(config.publicDir)) !== 'directory') {
    problems.push(locate(['publicDir'], `the folder ${relativePosix(dirname(file), config.publicDir)} does not exist.`));
  }
  const schemas = !config.schema ? [] : 'path' in config.schema ? [{ key: ['schema'], path: config.schema.path }]
    : config.schema.globs.map((entry) => ({ key: ['schema', entry.glob], path: entry.path }));
  for (const schema of schemas) {
    if ((await fs.stat(schema.path)) !== 'file') {
      problems.push(locate(schema.key, `the schema file ${relativePosix(dirname(file), schema.path)} does not exist.`));
    }
  }
  return problems;
}

type Locate = (path: (string | number)[], message: string, onKey?: boolean) => ConfigProblem;

function locator(text: string, file: string): Locate {
  let doc: ReturnType<typeof parseDocument> | undefined;
  let lines: LineIndex | undefined;
  return (path, message, onKey = false) => {
    const key = path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
    const problem: ConfigProblem = { file, key, message };
    doc ??= parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    lines ??= new LineIndex(text);
    const range = nodeRange(doc.contents, path, onKey);
    if (range) {
      const start = lines.positionAt(range[0]);
      const end = lines.positionAt(range[1]);
      Object.assign(problem, { start: range[0], end: range[1], line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    }
    return problem;
  };
}

function nodeRange(root: unknown, path: (string | number)[], onKey: boolean): [number, number] | undefined {
  let node = root as Node | null | undefined;
  let keyNode: Node | undefined;
  for (const part of path) {
    if (isMap(node)) {
      // The last of repeated keys, as JSON.parse keeps it.
      const pair = [...node.items].reverse().find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      if (!node) {
        node = keyNode;
        break;
      }
    } else if (isSeq(node) && typeof part === 'number') {
      keyNode = undefined;
      node = node.items[part] as Node | undefined;
    } else break;
  }
  const target = onKey && keyNode ? keyNode : node;
  const range = target?.range;
  return range ? [range[0], range[1]] : undefined;
}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];
const TOP_LEVEL_KEYS = ['$schema', 'root', 'site', 'include', 'publicDir', 'siteUrl', 'schema', 'rules'];

/** Validates and resolves the text of one configuration file on its own (no file-system access). */
export function parseConfig(text: string, file: string, ruleList: readonly ConfigurableRule[]): LoadedConfig {
  return parseConfigFile(text, file, ruleList).loaded;
}

function parseConfigFile(text: string, file: string, ruleList: readonly ConfigurableRule[]): ConfigRead {
  const baseDir = dirname(file);
  const config: ResolvedConfig = { ...defaultConfig(ruleList, baseDir), file, files: [file] };
  const written: WrittenConfig = { rules: {} };
  const problems: ConfigProblem[] = [];
  const done = (): ConfigRead => ({ loaded: { config, problems }, written });
  const locate = locator(text, file);
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const problem: ConfigProblem = { file, key: '', message: `not valid JSON: ${message}` };
    const at = /position (\d+)/.exec(message);
    if (at) {
      const position = new LineIndex(text).positionAt(Number(at[1]));
      Object.assign(problem, { start: Number(at[1]), end: Number(at[1]) + 1, line: position.line, column: position.column, endLine: position.line, endColumn: position.column + 1 });
    }
    problems.push(problem);
    return done();
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(locate([], 'the configuration must be a JSON object: { "rules": { … } }.'));
    return done();
  }
  const object = raw as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      const suggestion = closest(key, TOP_LEVEL_KEYS);
      const hint = distance(key, suggestion) <= 2 ? ` Did you mean "${suggestion}"?` : '';
      problems.push(locate([key], `unknown key; the keys are ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')}.${hint}`, true));
    }
  }

  if ('include' in object) {
    const include = typeof object.include === 'string' ? [object.include] : object.include;
    if (!Array.isArray(include) || include.length === 0) {
      problems.push(locate(['include'], 'must be a non-empty list of glob patterns, e.g. ["src/content/blog/**/*.md"].'));
    } else {
      const valid: string[] = [];
      include.forEach((pattern, index) => {
        if (typeof pattern === 'string' && pattern.trim() !== '') valid.push(pattern);
        else problems.push(locate(['include', index], `must be a glob pattern (text), got ${describeJson(pattern)}.`));
      });
      if (valid.length > 0) {
        config.include = valid;
        config.includeConfigured = true;
        written.include = valid;
      }
    }
  }

  if ('root' in object) {
    if (typeof object.root === 'boolean') written.root = object.root;
    else problems.push(locate(['root'], `must be true (this file does not extend the ones above it) or false, got ${describeJson(object.root)}.`));
  }

  if ('site' in object) {
    if (typeof object.site === 'string' && siteNames.includes(object.site)) config.site = written.site = object.site;
    else {
      const hint = typeof object.site === 'string' ? closest(object.site, [...siteNames]) : undefined;
      const suggestion = hint && distance(String(object.site), hint) <= 3 ? ` Did you mean "${hint}"?` : '';
      problems.push(locate(['site'], `${describeJson(object.site)} is not a site profile; the profiles are ${siteNames.join(', ')}.${suggestion}`));
    }
  }

  if ('siteUrl' in object) {
    if (typeof object.siteUrl === 'string' && isHttpUrl(object.siteUrl)) config.siteUrl = written.siteUrl = object.siteUrl;
    else problems.push(locate(['siteUrl'], `must be the site's address, such as "https://example.com", got ${describeJson(object.siteUrl)}.`));
  }
  if ('publicDir' in object) {
    if (typeof object.publicDir === 'string' && object.publicDir.trim() !== '') config.publicDir = written.publicDir = resolve(baseDir, object.publicDir);
    else problems.push(locate(['publicDir'], `must be a folder path relative to the configuration file, got ${describeJson(object.publicDir)}.`));
  }

  if ('schema' in object) {
    const schema = object.schema;
    if (typeof schema === 'string' && schema.trim() !== '') config.schema = written.schema = { path: resolve(baseDir, schema) };
    else if (typeof schema === 'object' && schema !== null && !Array.isArray(schema)) {
      const globs: { glob: string; path: string }[] = [];
      for (const [glob, target] of Object.entries(schema)) {
        if (typeof target === 'string' && target.trim() !== '') globs.push({ glob, path: resolve(baseDir, target) });
        else problems.push(locate(['schema', glob], `must be the path of a JSON Schema file, got ${describeJson(target)}.`));
      }
      config.schema = written.schema = { globs };
    } else {
      problems.push(locate(['schema'], `must be the path of a JSON Schema file, or an object mapping globs to paths, got ${describeJson(schema)}.`));
    }
  }

  if ('rules' in object) {
    const rules = object.rules;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      problems.push(locate(['rules'], 'must be an object mapping rule ids to a severity or [severity, options].'));
    } else {
      for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
        const resolved = resolveRuleSetting(ruleList, id, setting, (path, message, onKey) => problems.push(locate(['rules', id, ...path], message, onKey)));
        if (resolved) {
          config.rules[id] = resolved.config;
          written.rules[id] = resolved.written;
        }
      }
    }
  }
  return done();
}

function resolveRuleSetting(
  ruleList: readonly ConfigurableRule[],
  id: string,
  setting: unknown,
  report: (path: (string | number)[], message: string, onKey?: boolean) => void,
): { config: RuleConfig; written: { severity: SeveritySetting; options: Record<string, unknown> } } | undefined {
  const rule = ruleList.find((candidate) => candidate.id === id);
  if (!rule) {
    const ids = ruleList.map((r) => r.id);
    const suggestion = closest(id, ids);
    const hint = distance(id, suggestion) <= Math.max(2, Math.floor(id.length / 4)) ? ` Did you mean "${suggestion}"?` : '';
    report([], `unknown rule "${id}".${hint}`, true);
    return undefined;
  }
  const [severity, options, severityPath] = Array.isArray(setting)
    ? [setting[0], setting[1], [0]]
    : [setting, undefined, [] as number[]];
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
    report(severityPath, `the severity must be "off", "info", "warning" or "error", got ${describeJson(severity)}.`);
    return undefined;
  }
  if (Array.isArray(setting) && setting.length > 2) report([2], 'expected [severity] or [severity, { options }].');
  const merged: Record<string, unknown> = { ...rule.defaultOptions };
  const own: Record<string, unknown> = {};
  let valid = true;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      report([1], `the options must be an object, e.g. ${JSON.stringify(rule.defaultOptions)}.`);
      valid = false;
    } else {
      for (const [name, value] of Object.entries(options as Record<string, unknown>)) {
        const spec = rule.optionSpecs[name];
        if (!spec) {
          const known = Object.keys(rule.optionSpecs);
          report([1, name], known.length ? `unknown option "${name}"; ${id} accepts ${known.join(', ')}.` : `unknown option "${name}"; ${id} has no options.`, true);
          valid = false;
          continue;
        }
        const isNumber = typeof value === 'number' && Number.isFinite(value) && (spec.type === 'number' || Number.isInteger(value));
        if (!isNumber || (spec.minimum !== undefined && (value as number) < spec.minimum)) {
          const kind = spec.type === 'integer' ? 'a whole number' : 'a number';
          report([1, name], `"${name}" must be ${kind}${spec.minimum !== undefined ? ` ≥ ${spec.minimum}` : ''}, got ${describeJson(value)}.`);
          valid = false;
          continue;
        }
        merged[name] = own[name] = value;
      }
      if (typeof merged.min === 'number' && typeof merged.max === 'number' && merged.min > merged.max) {
        report([1], `"min" (${merged.min}) is greater than "max" (${merged.max}).`);
        valid = false;
      }
    }
  }
  const config: RuleConfig = { severity: severity as SeveritySetting, options: valid ? merged : { ...rule.defaultOptions } };
  return { config, written: { severity: config.severity, options: valid ? own : {} } };
}

function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The severity and options a rule runs with (off when the configuration was made without it). */
export function ruleConfig(config: ResolvedConfig, id: string): RuleConfig {
  return config.rules[id] ?? RULE_OFF;
}

const RULE_OFF: RuleConfig = Object.freeze({ severity: 'off', options: Object.freeze({}) }) as RuleConfig;

/** A `.article-lint.json` rule entry as written (for tools that write configurations). */
export function ruleSettingOf(config: RuleConfig): RuleSetting {
  return Object.keys(config.options).length ? [config.severity, config.options] : config.severity;
}

/** The path as globs see it: relative to baseDir with `/`, or rootless when outside it. */
export function globPath(config: ResolvedConfig, filePath: string): string {
  const below = config.baseDir && isAbsolute(filePath) ? pathBelow(config.baseDir, filePath) : undefined;
  if (below !== undefined) return below;
  return isAbsolute(filePath) ? withoutRoot(filePath) : filePath.split('\\').join('/');
}

/** Whether the file matches the configuration's `include` globs. */
export function matchesInclude(config: ResolvedConfig, filePath: string): boolean {
  return globMatcher(config.include)(globPath(config, filePath));
}
