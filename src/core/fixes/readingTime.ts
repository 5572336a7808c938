/** The edit that makes the declared reading time match the body. */
import type { ParsedArticle } from '../parse/parse';
import type { TextEdit } from '../types';
import { setFrontmatterScalar } from '../frontmatter/edits';
import { formatReadingTime, parseDeclaredReadingTime, readingStats } from '../facts/stats';
import { siteProfiles } from '../generators/registry';
import { ARTICLE_KEYS } from '../generators/generic';
import { publishDateKeys } from '../generators/roles';

/** The keys of every site's publish date: a new readingTime goes after the first present. */
const PUBLISH_DATE_KEYS = [...new Set(siteProfiles.flatMap(publishDateKeys))];

/** The edit that makes `readingTime` match the body, or undefined when it already does. */
export function readingTimeEdit(article: ParsedArticle, after: readonly string[] = PUBLISH_DATE_KEYS, key: string = ARTICLE_KEYS.readingTime): TextEdit | undefined {
  const data = article.frontmatter?.data;
  if (!data) return undefined;
  const { minutes } = readingStats(article);
  const declared = data[key];
  if (parseDeclaredReadingTime(declared) === minutes) return undefined;
  return setFrontmatterScalar(article, key, formatReadingTime(minutes, declared), after);
}
