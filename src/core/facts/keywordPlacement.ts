/**
 * Where the focus keyword (the first of `keywords`) appears among the places a search engine and a
 * reader look first: the title, the description, the URL's last part, the first paragraph, an H2.
 * Matched as keywords are (keywords.ts: case, `-` and spaces alike, whole words). Shared by the
 * rule `keyword-placement` and the preview's SEO panel.
 */
import type { ParsedArticle } from '../parse/parse';
import type { SiteProfile } from '../generators/profile';
import type { Range } from '../frontmatter/fields';
import { headingsOf } from './headings';
import { containsPhrase, normalizeForMatching } from './keywords';
import { articleDescription, articleTitle, firstParagraph, focusKeyword, urlLastPart } from './searchFields';

export type PlaceId = 'title' | 'description' | 'url' | 'first-paragraph' | 'h2';

export interface Place {
  id: PlaceId;
  /** How a message names it: "the title", "any H2". */
  label: string;
  found: boolean;
  /** Where to look: the place itself (the H2 that has it, else the first H2; the first paragraph). */
  range?: Range;
}

export interface KeywordPlacement {
  keyword: string;
  /** The keyword's item in the list. */
  range?: Range;
  /** The places the article has (one without a description has no description place). */
  places: Place[];
}

export function keywordPlacement(article: ParsedArticle, filePath: string | undefined, profile?: SiteProfile): KeywordPlacement | undefined {
  const focus = focusKeyword(article);
  if (!focus) return undefined;
  const phrase = normalizeForMatching(focus.value);
  if (!phrase) return undefined;
  const has = (text: string) => containsPhrase(normalizeForMatching(text), phrase);
  const places: Place[] = [];
  const title = articleTitle(article, profile);
  // Ranges are looked up only when asked (a finding or the preview): they need the YAML document.
  if (title) places.push({ id: 'title', label: 'the title', found: has(title.value), get range() { return title.range; } });
  const description = articleDescription(article, profile);
  if (description) places.push({ id: 'description', label: 'the description', found: has(description.value), get range() { return description.range; } });
  const url = urlLastPart(article, filePath);
  if (url) places.push({ id: 'url', label: "the URL's last part", found: has(url.value), get range() { return url.range; } });
  const paragraph = firstParagraph(article);
  if (paragraph) places.push({ id: 'first-paragraph', label: 'the first paragraph', found: has(paragraph.text), range: [paragraph.start, paragraph.end] });
  const h2s = headingsOf(article).filter((heading) => heading.level === 2);
  if (h2s.length > 0) {
    const withKeyword = h2s.find((heading) => has(heading.text));
    const at = withKeyword ?? h2s[0];
    places.push({ id: 'h2', label: 'any H2', found: withKeyword !== undefined, range: [at.start, at.end] });
  }
  return { keyword: focus.value, get range() { return focus.range; }, places };
}
