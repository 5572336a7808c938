/** The command line of `article-lint`, read into options or a usage error. */

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github'];

export interface CliOptions {
  /** Files, folders and globs as given; empty means the working directory. */
  patterns: string[];
  format: OutputFormat;
  /** A configuration file that replaces the discovery of `.article-lint.json`. */
  config?: string;
  /** Exit 1 when there are more warnings than this; undefined: warnings never fail the run. */
  maxWarnings?: number;
  fix: boolean;
  /** Report disable comments that turn nothing off (the rule disable-unused, as a warning when the configuration leaves it off). */
  reportUnusedDisables?: boolean;
  /** `--print-config FILE`: show the resolved site profile, configuration, schema and rules for FILE. */
  printConfig?: string;
  /** Keep results of unchanged files between runs (`--no-cache`: false). */
  cache: boolean;
  /** `--cache-location DIR`: the cache's folder instead of `.article-lint-cache` in the site's root. */
  cacheLocation?: string;
  help: boolean;
  version: boolean;
}

/** A mistake on the command line: exit 2 with this one-line message. */
export class UsageError extends Error {}

export const USAGE = `Usage: article-lint [paths or globs…] [options]

Checks Markdown articles (YAML frontmatter + body) against the article rules.
Folders are searched for .md/.mdx articles (node_modules and dot-folders skipped);
with no path, the current folder is checked.

Options:
  -f, --format <name>     stylish (default), json, sarif or github (annotations
                          in GitHub Actions)
  -c, --config <file>     use this configuration instead of the nearest .article-lint.json
      --max-warnings <n>  exit 1 when there are more than n warnings
      --fix               apply the safe fixes (the reading time) in place; never a slug
      --report-unused-disables  report disable comments that turn nothing off
      --print-config <file>  show the site profile, configuration, schema and rules
                          that apply to one file, as JSON, and check nothing
      --no-cache          check every file, without reading or writing the cache
      --cache-location <dir>  keep the cache in dir (default: .article-lint-cache
                          in the site's root)
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage, unreadable path
or bad configuration.`;

/** Options that take a value, by every name they go by. */
const VALUE_OPTIONS: Record<string, ValueOption> = {
  '--print-config': 'printConfig',
  '--cache-location': 'cacheLocation',
  '-f': 'format',
  '--format': 'format',
  '-c': 'config',
  '--config': 'config',
  '--max-warnings': 'maxWarnings',
};

type ValueOption = 'format' | 'config' | 'maxWarnings' | 'printConfig' | 'cacheLocation';

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { patterns: [], format: 'stylish', fix: false, cache: true, help: false, version: false };
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      options.patterns.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.patterns.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const key = VALUE_OPTIONS[name];
    if (key) {
      let value: string | undefined;
      if (equals !== -1) value = arg.slice(equals + 1);
      else if (index + 1 < argv.length) value = argv[++index];
      if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
      if (seen.has(key)) throw new UsageError(`option ${name} is given more than once`);
      seen.add(key);
      setValue(options, key, name, value);
      continue;
    }
    if (equals !== -1) throw new UsageError(`option ${name} takes no value`);
    switch (name) {
      case '--fix':
        options.fix = true;
        break;
      case '--no-cache':
        options.cache = false;
        break;
      case '--report-unused-disables':
        options.reportUnusedDisables = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${name} (see article-lint --help)`);
    }
  }
  return options;
}

function setValue(options: CliOptions, key: ValueOption, name: string, value: string): void {
  if (key === 'printConfig') {
    options.printConfig = value;
  } else if (key === 'cacheLocation') {
    options.cacheLocation = value;
  } else if (key === 'format') {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
      throw new UsageError(`${name} must be one of ${OUTPUT_FORMATS.join(', ')}, not "${value}"`);
    }
    options.format = value as OutputFormat;
  } else if (key === 'config') {
    options.config = value;
  } else if (value === '-1') {
    options.maxWarnings = undefined; // ESLint's spelling of "no limit"
  } else {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new UsageError(`${name} must be a whole number of 0 or more, not "${value}"`);
    }
    options.maxWarnings = Number(value);
  }
}
