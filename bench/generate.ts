/**
 * Deterministic article generator for the benchmark: the same seed gives the same text on every
 * machine. A seed-sized article is about 2,200 words with 30 keywords (each used in the body), 6 FAQ
 * questions with answers and 5 images (the hero and four in the body, all with alt text); a large
 * article repeats generated sections until it reaches the requested size. Articles are clean under
 * the default rules (the reading time matches), so the analysis does the work of a real article.
 */
import { countWords, WORDS_PER_MINUTE } from '../src/core';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the dough rises faster at altitude because lower air pressure lets carbon dioxide expand more easily ' +
  'bakers adjust hydration proofing time oven temperature and starter feeding to keep flavour and structure ' +
  'gluten network crumb crust steam flour water salt levain fermentation schedule kitchen mountain cabin ' +
  'practical testable small adjustment each bake notebook record result compare previous loaf shape score ' +
  'banneton rack cooling slicing texture open closed gummy base balloon sink spring colour aroma sourness ' +
  'a an of in on for with from into over under between before after while during against without ' +
  'bread salt heat time rise bake loaf warm cool slow fast day night cup pan hand bowl oil milk egg jar lid ' +
  'it is was we you they this that so then when how why not all one two more less than just well'
).split(' ');

const TOPICS = [
  'sourdough', 'altitude', 'hydration', 'proofing', 'starter', 'oven', 'crumb', 'crust', 'flour', 'steam',
  'levain', 'gluten', 'scoring', 'banneton', 'fermentation', 'rye', 'spelt', 'whole wheat', 'baguette',
  'focaccia', 'ciabatta', 'brioche', 'pizza', 'bagel', 'pretzel', 'croissant', 'dutch oven', 'baking stone',
  'cold retard', 'autolyse', 'bulk rise', 'shaping', 'lamination', 'bassinage', 'poolish', 'biga',
];
const QUALIFIERS = ['at altitude', 'for beginners', 'in winter', 'step by step', 'without a mixer', 'at home', 'in summer', 'by hand'];

export interface GeneratedArticle {
  text: string;
  words: number;
  keywords: string[];
  images: string[];
}

export interface ArticleOptions {
  seed: number;
  /** Body words to aim for (the result is within a paragraph of it). */
  words?: number;
  keywordCount?: number;
  faqCount?: number;
  /** Images in total: the hero plus `images - 1` in the body. */
  images?: number;
  /** Internal links (relative paths of other articles) for a closing "Related" paragraph. */
  related?: readonly string[];
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function sentence(random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(pick(random, WORDS));
  parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
  return `${parts.join(' ')}.`;
}

/** A paragraph of about `words` words, wrapped at 80 columns (markdownlint's line length), with some inline Markdown. */
function paragraph(random: () => number, words: number, keyword?: string): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const length = 5 + Math.floor(random() * 7);
    let text = sentence(random, length);
    const roll = random();
    if (roll < 0.15) text = text.replace(/ (\w+) (\w+)/, ' **$1 $2**');
    else if (roll < 0.25) text = text.replace(/ (\w+)\./, ' [$1](https://example.com/$1).');
    else if (roll < 0.32) text = text.replace(/ (\w+) /, ' `$1` ');
    sentences.push(text);
    count += length;
  }
  if (keyword) sentences.splice(1, 0, `This is where **${keyword}** matters most.`);
  return wrap(sentences.join(' '));
}

function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 80) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function title(random: () => number, keyword: string): string {
  const base = `${keyword[0].toUpperCase()}${keyword.slice(1)}: a practical guide to ${pick(random, TOPICS)}`;
  return base.length > 68 ? base.slice(0, 68).trimEnd() : base;
}

function keywordList(random: () => number, count: number): string[] {
  const keywords: string[] = [];
  const seen = new Set<string>();
  while (keywords.length < count) {
    const keyword = `${pick(random, TOPICS)} ${pick(random, QUALIFIERS)}`;
    if (seen.has(keyword)) continue;
    seen.add(keyword);
    keywords.push(keyword);
  }
  return keywords;
}

/** The body sections (without the FAQ) of about `words` words. */
function sections(random: () => number, words: number, keywords: readonly string[], images: number, id: string, part = 0): string {
  const out: string[] = [];
  let count = 0;
  let keywordAt = 0;
  let imageAt = 0;
  let section = 0;
  const paragraphsPerSection = 4;
  const paragraphWords = 60;
  const sectionCount = Math.max(1, Math.ceil(words / (paragraphWords * paragraphsPerSection)));
  const imageEvery = images > 0 ? Math.max(1, Math.floor(sectionCount / images)) : Infinity;
  const push = (block: string) => {
    out.push(block);
    count += countWords(block);
  };
  while (count < words) {
    // Every heading and block carries the article's id: no two files of a corpus share one.
    if (section === 0 && part === 0 && keywords.length > 0) push(`## Why ${keywords[0]} matters, ${id}`);
    else push(`## ${pick(random, TOPICS)[0].toUpperCase()}${pick(random, WORDS)} and ${pick(random, TOPICS)}, ${id} ${part}.${section}`);
    if (section % 3 === 1) push(`### Notes on ${pick(random, TOPICS)} in ${id}, part ${section}`);
    for (let p = 0; p < paragraphsPerSection && count < words; p++) {
      // The focus keyword in the first paragraph; the others spread out.
      const keyword = keywordAt < keywords.length && (keywordAt === 0 || random() < 0.8) ? keywords[keywordAt++] : undefined;
      push(paragraph(random, paragraphWords, keyword));
    }
    if (section % 4 === 2) {
      push(['- ' + sentence(random, 6), '- ' + sentence(random, 7), '- ' + sentence(random, 5)].join('\n'));
    }
    if (section % 5 === 3) push(`\`\`\`sh\n# timings for ${id}\nproof --hours ${2 + Math.floor(random() * 10)} --temperature ${18 + Math.floor(random() * 10)} --batch ${part}.${section}\n\`\`\``);
    if (imageAt < images && section % imageEvery === imageEvery - 1) {
      push(`![A ${pick(random, TOPICS)} ${pick(random, WORDS)} on the counter](/images/${id}-${++imageAt}.webp)`);
    }
    section++;
  }
  while (keywordAt < keywords.length) out.push(paragraph(random, 30, keywords[keywordAt++]));
  while (imageAt < images) out.push(`![A ${pick(random, TOPICS)} on the counter](/images/${id}-${++imageAt}.webp)`);
  return out.join('\n\n');
}

function faq(random: () => number, count: number, id: string): string {
  const out = ['## Frequently Asked Questions'];
  for (let i = 0; i < count; i++) {
    out.push(`### How do I adjust ${pick(random, TOPICS)} for ${pick(random, TOPICS)} in ${id}, question ${i + 1}?`);
    out.push(paragraph(random, 40));
  }
  return out.join('\n\n');
}

function frontmatter(random: () => number, keywords: readonly string[], id: string, readingMinutes: number | undefined): string {
  // The article's number makes every title its own (duplicate-title), within 70 characters.
  const head = `${title(random, keywords[0]).slice(0, 52).trimEnd()} (no. ${id.replace(/^article-/, '')})`;
  // The focus keyword in the description and the URL, as the search-result rules ask.
  const focus = keywords[0];
  const description = `${focus[0].toUpperCase()}${focus.slice(1)}, simply: ${sentence(random, 8)} ${sentence(random, 6)}`.slice(0, 150).trimEnd();
  const lines = [
    '---',
    `title: "${head}"`,
    `description: "${description.length >= 80 ? description : description + ' A practical guide for home bakers.'}"`,
    `slug: "${focus.replace(/ /g, '-')}-${id.replace(/^article-/, '')}"`,
    `keywords: [${keywords.join(', ')}]`,
    `pubDate: "2026-03-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}"`,
    `heroImage: "/images/${id}-hero.webp"`,
    `heroImageAlt: "A ${pick(random, TOPICS)} loaf cooling on a rack"`,
    `category: "${pick(random, ['Food', 'Baking', 'Travel', 'Kitchen'])}"`,
    `author: "${pick(random, ['Mara Ilić', 'Jon Park', 'Aiko Sato', 'Lena Roth'])}"`,
    `tags: [${pick(random, TOPICS)}, ${pick(random, TOPICS)}]`,
  ];
  if (readingMinutes !== undefined) lines.push(`readingTime: "${readingMinutes} ${readingMinutes === 1 ? 'minute' : 'minutes'}"`);
  lines.push('---');
  return lines.join('\n');
}

/** An article: frontmatter (with the hero image), an H1, sections with the body images, the FAQ. */
export function generateArticle(options: ArticleOptions): GeneratedArticle {
  const { seed, words = 2200, keywordCount = 30, faqCount = 6, images = 5, related = [] } = options;
  const id = `article-${seed}`;
  const bodyImages = Math.max(0, images - 1);
  // The same seed each attempt; the sections' word budget is corrected until the body is within 2%.
  let budget = Math.max(100, words - faqCount * 55);
  let result: { body: string; wordCount: number; random: () => number; keywords: string[] } | undefined;
  for (let attempt = 0; attempt < 6; attempt++) {
    const random = prng(seed);
    const keywords = keywordList(random, keywordCount);
    const body = [
      `# ${title(random, keywords[0])} (${id})`,
      sections(random, budget, keywords, bodyImages, id),
      ...(related.length > 0 ? [`Related to ${id}: ${related.map((link, index) => `[guide ${index + 1}](${link})`).join(', ')}.`] : []),
      faqCount > 0 ? faq(random, faqCount, id) : '',
    ].join('\n\n');
    const wordCount = countWords(body);
    result = { body, wordCount, random, keywords };
    if (Math.abs(wordCount - words) <= words * 0.02) break;
    budget = Math.max(50, budget + (words - wordCount));
  }
  const { body, wordCount, random, keywords } = result!;
  const text = `${frontmatter(random, keywords, id, Math.ceil(wordCount / WORDS_PER_MINUTE))}\n\n${body}\n`;
  const imageList = [`/images/${id}-hero.webp`];
  for (let i = 1; i <= bodyImages; i++) imageList.push(`/images/${id}-${i}.webp`);
  return { text, words: wordCount, keywords, images: imageList };
}

/** The seed-sized article of the benchmark (~2,200 words, 30 keywords, 6 FAQs, 5 images). */
export function seedArticle(seed = 1): GeneratedArticle {
  return generateArticle({ seed });
}

/** A large article of about `bytes` UTF-8 bytes: many sections, the keywords spread through them. */
export function largeArticle(bytes = 1024 * 1024, seed = 2): GeneratedArticle {
  const random = prng(seed);
  const id = `article-${seed}`;
  const keywords = keywordList(random, 30);
  const parts: string[] = [`# ${title(random, keywords[0])}`];
  let size = 0;
  let part = 0;
  while (size < bytes - 4096) {
    const chunk = sections(random, 1500, part === 0 ? keywords : [], 0, id, part);
    parts.push(chunk);
    size += Buffer.byteLength(chunk) + 2;
    part++;
  }
  parts.push(faq(random, 6, id));
  const body = parts.join('\n\n');
  const wordCount = countWords(body);
  const text = `${frontmatter(random, keywords, id, Math.ceil(wordCount / WORDS_PER_MINUTE))}\n\n${body}\n`;
  return { text, words: wordCount, keywords, images: [`/images/${id}-hero.webp`] };
}

/**
 * An article for the workspace index: its own frontmatter (from `seed`) over one of a few shared
 * bodies. The index reads only the frontmatter, so sharing bodies changes nothing it measures.
 */
/** What an edit changes in a site article (see siteArticle): its title, its second heading, its first link. */
export interface SiteArticleEdit {
  title?: string;
  heading?: string;
  /** The article the first link points to instead. */
  linkTo?: number;
}

/** Where article `seed` of a generated site lives, below the site's root: 1,000 articles a folder. */
export function siteArticlePath(seed: number): string {
  return `posts/${String(Math.floor(seed / 1000)).padStart(3, '0')}/article-${seed}.md`;
}

/**
 * A short article of a generated site of `count` articles (about 230 words): its own frontmatter
 * (title, description, date, tags), an H1, two sections and paragraphs of generated words, every
 * block naming the article (so no two articles share a paragraph or a frontmatter block), and five
 * internal links to other articles (relative files and routes, some with a heading's anchor); one
 * article in 50 also has a broken link. Paths from siteArticlePath; the generic profile's URL is
 * `/article-<seed>/`.
 */
export function siteArticle(seed: number, count: number, edit: SiteArticleEdit = {}): string {
  const random = prng(seed * 7919 + 17);
  const other = (step: number) => ((seed - 1 + step * 7919 + Math.floor(random() * count)) % count) + 1;
  const file = (target: number) => `../${String(Math.floor(target / 1000)).padStart(3, '0')}/article-${target}.md`;
  const keyword = pick(random, TOPICS);
  // Every random draw happens whatever the edit, so that an edit changes only what it names.
  const generatedTitle = `${title(random, keyword)} (no. ${seed})`;
  const topic = pick(random, TOPICS);
  const [generatedFirst, second, third, fourth, fifth] = [other(1), other(2), other(3), other(4), other(5)];
  const head = edit.title ?? generatedTitle;
  const heading = edit.heading ?? `${topic[0].toUpperCase()}${topic.slice(1)} notes for article ${seed}`;
  const first = edit.linkTo ?? generatedFirst;
  const lines = [
    '---',
    `title: "${head}"`,
    `description: "${sentence(random, 10)} ${sentence(random, 6)} Article ${seed}."`,
    `pubDate: "2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}"`,
    `tags: [${pick(random, TOPICS)}, ${pick(random, TOPICS)}]`,
    '---',
    '',
    `# ${head}`,
    '',
    `${paragraph(random, 50)} Article ${seed} begins with [article ${first}](${file(first)}) and [another one](/article-${second}/).`,
    '',
    `## ${heading}`,
    '',
    `${paragraph(random, 60)} In article ${seed}: [its closing](${file(third)}#closing-thoughts-on-article-${third}) and [a route](/article-${fourth}/#closing-thoughts-on-article-${fourth}).`,
    '',
    `## Closing thoughts on article ${seed}`,
    '',
    `${paragraph(random, 50)} Article ${seed} ends with [article ${fifth}](${file(fifth)})${seed % 50 === 0 ? ` and [a lost one](/article-${count + seed}/)` : ''}.`,
    '',
  ];
  return lines.join('\n');
}

/**
 * An article for the workspace value index: a full frontmatter (5 to 30 keywords, its own slug) and
 * the distinct body of siteArticle, so that no two share a paragraph or a frontmatter block.
 */
export function indexArticle(seed: number, count: number): string {
  const random = prng(seed * 7919 + 17);
  const keywords = keywordList(random, 5 + Math.floor(random() * 26));
  return `${frontmatter(random, keywords, `article-${seed}`, 2)}\n\n${bodyOf(siteArticle(seed, count))}`;
}

/** The body of an article's text (after the frontmatter's closing line). */
export function bodyOf(text: string): string {
  const close = text.indexOf('\n---\n', 4);
  return close === -1 ? text : text.slice(close + 5);
}
