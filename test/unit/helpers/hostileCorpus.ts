/**
 * The hostile corpus of test/fixtures/hostile: its manifest (each file's expected behaviour in the
 * engine, the CLI and the preview) and the generated cases, too big to commit (a 5 MB line, a
 * 50,000-line article, deep nesting), written next to copies of the committed files at test time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const HOSTILE_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'hostile');

export interface HostileCase {
  /** The file name (committed, or written by `generate`). */
  file: string;
  /** What is hostile about it. */
  what: string;
  /** Made at test time by generators[generate]. */
  generate?: string;
  /** Raw HTML or markup in the frontmatter: the preview must run none of it (real Chromium check). */
  preview?: boolean;
  engine: {
    isArticle: boolean;
    /** The distinct rule ids of the findings, sorted. */
    rules: string[];
    /** A finding of the rule whose message matches. */
    message?: { rule: string; pattern: string };
  };
  cli: {
    exit: number;
    /** The exact stderr ("" for none). */
    stderr: string;
    /** The rule ids of the JSON report, sorted and distinct; absent when there is no report. */
    rules?: string[];
  };
  /** With --fix: the exact stderr and whether the file's bytes stay the same. */
  cliFix?: { stderr: string; unchanged: boolean };
  /** Seconds the engine and the CLI may take (default 10). */
  maxSeconds?: number;
}

export interface HostileManifest {
  /** The global every script payload of the corpus sets: it must stay unset. */
  canary: string;
  cases: HostileCase[];
}

export function readManifest(): HostileManifest {
  return JSON.parse(fs.readFileSync(path.join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as HostileManifest;
}

const FRONTMATTER = '---\ntitle: "A Hostile Article for the Preview and the Linter"\ndescription: "One kind of hostile input per file, with what the engine, the CLI and the preview must do with it."\npubDate: 2026-03-05\n---\n';

/**
 * Template and MDX syntax opened at every turn and closed far away or never, each beside a normal
 * text of about the same length and the same kind of tokens (`normal`). A token rule that looked for
 * the closing from every opening took time in the square of the length (20,000 lines of `{% raw %}`
 * before one `{% endraw %} x`: 8 s; a line of 20,000 unclosed `{ x `: 3 s).
 */
export interface OpenSyntaxCase {
  name: string;
  kind: 'md' | 'mdx';
  /** The hostile body, `count` openings. */
  open: (count: number) => string;
  /** A body of about the same length whose openings are closed where they open. */
  normal: (count: number) => string;
}

const repeat = (text: string, count: number) => text.repeat(Math.max(1, Math.round(count)));

/** Lines of a paired tag and, after them, its end tag before text (so never a block of its own). */
function pairedLines(name: string, nests: boolean, argument = ''): OpenSyntaxCase {
  const opening = `{% ${name}${argument} %}`;
  const ending = `{% end${name} %}`;
  return {
    name: `${opening} lines, then ${ending} x${nests ? ' lines' : ''}`,
    kind: 'md',
    open: (count) => (nests ? repeat(`${opening}\n`, count / 2) + repeat(`${ending} x\n`, count / 2) : `${repeat(`${opening}\n`, count)}${ending} x\n`),
    normal: (count) => repeat(`${opening}\n${ending}\n`, count / 2),
  };
}

export const openSyntax: OpenSyntaxCase[] = [
  pairedLines('raw', false),
  pairedLines('verbatim', false),
  pairedLines('comment', true),
  pairedLines('set', true, ' x'),
  pairedLines('capture', true),
  pairedLines('highlight', true),
  { name: 'a line of {% " (a quote left open in each tag)', kind: 'md', open: (count) => repeat('a {% "', count), normal: (count) => repeat('{% x %}', count) },
  { name: 'a line of {{< " (a quote left open in each shortcode)', kind: 'md', open: (count) => repeat('a {{< "', count), normal: (count) => repeat('{{< x >}}', count) },
  { name: 'a line of ![a]({{ " (Liquid images left open)', kind: 'md', open: (count) => repeat('![a]({{ "', count), normal: (count) => repeat('![a]({{ x }})', count) },
  { name: 'a line of { x (unclosed expressions)', kind: 'mdx', open: (count) => `a ${repeat('{ x ', count)}`, normal: (count) => `a ${repeat('{x} ', count)}` },
  { name: 'a line of {', kind: 'mdx', open: (count) => `a ${repeat('{', count)}`, normal: (count) => `a ${repeat('{}', count / 2)}` },
  { name: 'a line of {"\\" (strings left open by an escaped quote)', kind: 'mdx', open: (count) => `a ${repeat('{"\\"', count)}`, normal: (count) => `a ${repeat('{"x"}', count)}` },
  { name: 'a line of <a { (tags with an unclosed expression)', kind: 'mdx', open: (count) => `a ${repeat('<a {', count)}`, normal: (count) => `a ${repeat('<a/>', count)}` },
  { name: 'lines of {/* x, then */} x', kind: 'mdx', open: (count) => repeat('{/* x\n', count) + '*/} x\n', normal: (count) => repeat('{/* x */}\n', count) },
  { name: '<a { lines between headings', kind: 'mdx', open: (count) => repeat('<a {\n# h\n', count / 2), normal: (count) => repeat('a {x}\n# h\n', count / 2) },
  {
    name: '<a b=" c={ lines between headings in a blockquote',
    kind: 'mdx',
    open: (count) => repeat('> <a b=" c={\n> # h\n', count / 2),
    normal: (count) => repeat('> a b="x" c={x}\n> # h\n', count / 2),
  },
  { name: 'list items of <a {', kind: 'mdx', open: (count) => repeat('- <a {\n', count), normal: (count) => repeat('- a {x}\n', count) },
];

/** The open syntax cases of one kind of file, `count` openings each, a paragraph apart. */
function openSyntaxArticle(kind: 'md' | 'mdx', count: number): string {
  const cases = openSyntax.filter((entry) => entry.kind === kind);
  return `${FRONTMATTER}\n${cases.map((entry) => `${entry.open(count)}\n`).join('\nEnd of a hostile case.\n\n')}`;
}

export const generators: Record<string, () => string> = {
  /** Liquid, Nunjucks and Hugo syntax left open (openSyntax), 5,000 openings each. */
  'open-template-syntax': () => openSyntaxArticle('md', 5000),
  /** MDX expressions and JSX tags left open (openSyntax), 5,000 openings each. */
  'open-mdx-syntax': () => openSyntaxArticle('mdx', 5000),
  /** One 5 MB line of words after the frontmatter. */
  'long-line': () => `${FRONTMATTER}\n${'word '.repeat(1_000_000)}\n`,
  /** 50,000 lines: headings, paragraphs, images without alt, lists and code, over and over. */
  'many-lines': () => {
    const lines = [FRONTMATTER.trimEnd(), ''];
    for (let i = 0; lines.length < 50_000; i++) {
      lines.push(`## Section ${i}`, '', `Paragraph ${i} with **bold**, a [link](https://example.com/${i}) and <span>html</span>.`, '', `![](/missing-${i}.png)`, '', `- item ${i}`, '```', `code ${i}`, '```', '');
    }
    return lines.slice(0, 50_000).join('\n');
  },
  /** Deeply nested YAML flow collections, blockquotes, lists, HTML, emphasis, links and images. */
  'deep-nesting': () => {
    const depth = 2000;
    return [
      '---',
      'title: "Deep nesting in the frontmatter and the body"',
      `nested: ${'['.repeat(depth)}${']'.repeat(depth)}`,
      `map: ${'{k: '.repeat(500)}x${'}'.repeat(500)}`,
      '---',
      '',
      // markdown-it stops at 100 levels of nesting and drops the rest: the marker comes first too.
      'End of hostile case.',
      '',
      `${'> '.repeat(depth)}deep quote`,
      '',
      ...Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`),
      '',
      `${'<div>'.repeat(depth)}deep html${'</div>'.repeat(depth)}`,
      '',
      `${'*'.repeat(5000)}emphasis${'*'.repeat(5000)}`,
      '',
      `${'['.repeat(3000)}link${']'.repeat(3000)}(x)`,
      '',
      `${'!['.repeat(1000)}alt${'](y)'.repeat(1000)}`,
      '',
      'End of hostile case.',
      '',
    ].join('\n');
  },
};

/** Copies the committed files and writes the generated ones into `dir`. */
export function materialize(dir: string, manifest: HostileManifest = readManifest()): void {
  for (const entry of manifest.cases) {
    const target = path.join(dir, entry.file);
    if (entry.generate) fs.writeFileSync(target, generators[entry.generate]());
    else fs.copyFileSync(path.join(HOSTILE_DIR, entry.file), target);
  }
}
