import { readabilityOf, readingEaseLabel } from '../facts/readability';
import { defineRule } from './rule';
import { firstLineRange, plural } from './util';

/** English body text that is hard to read: Flesch reading ease below `min`. */
export default defineRule({
  id: 'readability',
  defaultSeverity: 'info',
  articlesOnly: true,
  description:
    "The body's English text has a Flesch reading ease below `min` (50); bodies of fewer than `minWords` (100) words, and articles that declare another language, are not scored.",
  defaultOptions: { min: 50, minWords: 100 },
  optionSpecs: {
    min: { type: 'number', description: 'Lowest acceptable Flesch reading ease (0-100; higher is easier).' },
    minWords: { type: 'integer', minimum: 0, description: 'Fewest words of prose for a score to mean anything.' },
  },
  needs: 'body',
  check(context) {
    const readability = readabilityOf(context.article);
    if (!readability) return;
    const min = typeof context.options.min === 'number' ? context.options.min : 50;
    const minWords = typeof context.options.minWords === 'number' ? context.options.minWords : 100;
    if (readability.words < minWords || readability.score >= min) return;
    // Each line once, with its longest sentence (several long sentences may share a line).
    const byLine = new Map<number, number>();
    for (const sentence of readability.longest) byLine.set(sentence.line, Math.max(byLine.get(sentence.line) ?? 0, sentence.words));
    const longest = [...byLine].map(([line, words]) => `line ${line + 1} (${plural(words, 'word')})`);
    const [start, end] = firstLineRange(context);
    context.report({
      start,
      end,
      message:
        `Flesch reading ease ${readability.score} (${readingEaseLabel(readability.score)}), below ${min}: ` +
        `${readability.words} words in ${plural(readability.sentences, 'sentence')}, ` +
        `${(readability.syllables / readability.words).toFixed(2)} syllables a word. ` +
        `Shorter sentences and plainer words help; the longest sentences are on ${longest.join(', ')}.`,
    });
  },
});
