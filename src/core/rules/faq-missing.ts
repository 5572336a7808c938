import { lineBreakOf } from '../edit/edits';
import { mayRunOn } from '../parse/markdown';
import { markdownParser, type ParsedArticle } from '../parse/parse';
import { defineRule } from './rule';
import { firstLineRange } from './util';

/** No FAQ section ("Frequently Asked Questions", "FAQ" or "FAQs" heading). */
export default defineRule({
  id: 'faq-missing',
  defaultSeverity: 'warning',
  description: 'The article has no FAQ section (a "Frequently Asked Questions", "FAQ" or "FAQs" heading).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    // An unclosed frontmatter block swallows the whole file: there is no body to judge.
    if (context.analysis.faq || context.article.frontmatter?.terminated === false) return;
    const { text } = context.article;
    const nl = lineBreakOf(text);
    const lead = text.length === 0 ? '' : text.endsWith(`${nl}${nl}`) ? '' : text.endsWith(nl) ? nl : `${nl}${nl}`;
    const skeleton = [
      '## Frequently Asked Questions (FAQs)',
      '',
      '### Q1. A question your readers ask?',
      'Answer it in one or two sentences.',
      '',
      '### Q2. Another question?',
      'Answer it here.',
      '',
      '### Q3. A third question?',
      'Answer it here.',
      '',
    ].join(nl);
    const [start, end] = firstLineRange(context);
    const appended = appendable(context.article, lead + skeleton, nl);
    context.report({
      start,
      end,
      message: 'No FAQ section: a "Frequently Asked Questions (FAQs)" heading with a few questions answers what readers search for.',
      fix:
        appended === undefined
          ? undefined
          : { title: 'Append a FAQ section skeleton', edits: [{ start: text.length, end: text.length, newText: appended }], safe: false },
    });
  },
});

/**
 * The text to append so that the skeleton's heading is a heading: a body that ends inside an unclosed
 * code fence gets the fence closed first; one that ends inside raw HTML that only its closing tag
 * ends (`<pre>`, `<!--`, …) gets no fix. Only the last block is parsed again, and only for these.
 */
function appendable(article: ParsedArticle, addition: string, nl: string): string | undefined {
  const last = article.tokens.filter((token) => token.level === 0 && token.map).at(-1);
  if (!last?.map || (last.type !== 'fence' && last.type !== 'html_block' && !mayRunOn(last))) return addition;
  // markdown-it counts lines as VS Code does (a lone CR breaks a line too).
  const source = article.body.split(/\r\n?|\n/).slice(last.map[0]).join('\n');
  const startsHeading = (text: string) =>
    markdownParser(article.kind)
      .parse(text, {})
      .some((token, index, tokens) => token.type === 'heading_open' && token.level === 0 && tokens[index + 1]?.content === 'Frequently Asked Questions (FAQs)');
  if (startsHeading(source + addition)) return addition;
  if (last.type !== 'fence') return undefined;
  const closed = `${/[\r\n]$/.test(article.text) ? '' : nl}${last.markup}${nl}${addition}`;
  return startsHeading(source + closed) ? closed : undefined;
}
