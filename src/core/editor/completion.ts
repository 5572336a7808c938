/**
 * The completion list at an offset of an article, as plain items every editor converts: rule ids in
 * a disable comment, frontmatter keys from the schema (with a value snippet), a key's allowed and
 * used values, and in the body the frontmatter's keywords (unused first) inserted as `**keyword**`.
 * Offsets are UTF-16 offsets into ParsedArticle.text.
 */
import { keywordUsages } from '../facts/keywordUsage';
import type { ParsedArticle } from '../parse/parse';
import { allRules } from '../rules/index';
import type { SchemaField } from '../schema/schemaFields';
import { completionSiteAt, valueInsertText, type BodySite, type KeySite, type ValueSite } from './cursorSites';
import { ruleIdSiteAt, type RuleIdSite } from './disableEdits';
import { fieldDocumentation, typeLabel, type DocumentationPart } from './documentation';
import { INDEXED_FIELDS, type IndexedField, type UsedValue } from './frontmatterValues';
import { frontmatterKeywords, keywordSortTexts } from './keywordChoices';
import { isoToday, keySnippet, yamlValueText } from './keySnippets';

export type CompletionKind = 'property' | 'enumMember' | 'value' | 'keyword' | 'file' | 'reference';

export interface CompletionEntry {
  label: string;
  /** Shown beside the label, dimmed (`unused`, a link's form). */
  description?: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: DocumentationPart[];
  /** The range the item replaces, in the offsets the feature was asked with. */
  start: number;
  end: number;
  /** Inserted instead of the label; a snippet (`$1`, `${1|a,b|}`) when `snippet` is set. */
  insertText?: string;
  snippet?: boolean;
  filterText?: string;
  sortText?: string;
  deprecated?: boolean;
  preselect?: boolean;
  /** Completion should be asked again once the item is inserted (a key's values follow it). */
  suggestAgain?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The list may grow as the author types (the workspace's values are still being read). */
  incomplete: boolean;
}

/** The frontmatter schema that applies to an article, and where it comes from (for display). */
export interface FrontmatterSchema {
  fields: readonly SchemaField[];
  sourceLabel: string;
}

export interface CompletionContext {
  /** The character that triggered completion; undefined when invoked or while typing a word. */
  trigger?: string;
  /** The article's schema, asked for only at a frontmatter key or value. */
  schema(): Promise<FrontmatterSchema>;
  /** The values the site's other articles use for a field, and whether all of them have been read. */
  usedValues?(field: IndexedField): { values: readonly UsedValue[]; complete: boolean };
  /** Stops after the schema was read (the request was cancelled meanwhile). */
  isCancelled?(): boolean;
  /** ISO date placed in date fields (default: today). */
  today?: string;
}

/** `*` starts bold keywords in the body; `:`, `[`, `,` and `"` start frontmatter values. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['*', ':', '[', ',', '"'];

export async function articleCompletions(article: ParsedArticle, offset: number, context: CompletionContext): Promise<CompletionResult | undefined> {
  const idSite = ruleIdSiteAt(article, offset);
  if (idSite) return { items: ruleIdItems(idSite), incomplete: false };
  const site = completionSiteAt(article, offset);
  if (!site) return undefined;
  const trigger = context.trigger;
  if (site.kind === 'body') {
    if (trigger !== undefined && trigger !== '*') return undefined;
    const items = keywordItems(article, site, trigger);
    return items && { items, incomplete: false };
  }
  if (trigger === '*') return undefined;
  const schema = await context.schema();
  if (context.isCancelled?.()) return undefined;
  if (site.kind === 'key') {
    if (trigger !== undefined) return undefined;
    return { items: keyItems(article, site, schema, context.today ?? isoToday()), incomplete: false };
  }
  return valueItems(site, schema.fields, context);
}

/** In a disable comment: every rule id it does not name yet, with what the rule finds. */
function ruleIdItems(site: RuleIdSite): CompletionEntry[] {
  return allRules
    .filter((rule) => !site.present.includes(rule.id))
    .map((rule) => ({
      label: rule.id,
      kind: 'enumMember',
      detail: `default: ${rule.defaultSeverity}`,
      documentation: [{ markdown: rule.description }],
      start: site.start,
      end: site.end,
    }));
}

function keyItems(article: ParsedArticle, site: KeySite, schema: FrontmatterSchema, today: string): CompletionEntry[] {
  return schema.fields
    .filter((field) => !site.presentKeys.has(field.name))
    .map((field, order) => {
      const item: CompletionEntry = {
        label: field.name,
        kind: 'property',
        detail: `${typeLabel(field)}${field.required ? ' · required' : ''}`,
        documentation: fieldDocumentation(field, schema.sourceLabel),
        start: site.start,
        end: site.end,
        // Required keys first, then the schema's order.
        sortText: `${field.required ? 0 : 1}${String(order).padStart(4, '0')}`,
      };
      if (field.deprecated) item.deprecated = true;
      if (site.hasColon) {
        item.insertText = field.name;
      } else {
        item.insertText = keySnippet(field, today, article.frontmatter?.format);
        item.snippet = true;
        // After `category: "` or `tags: [`, suggest the values in use straight away.
        if (!field.enum && (INDEXED_FIELDS as readonly string[]).includes(field.name)) item.suggestAgain = true;
      }
      return item;
    });
}

function valueItems(site: ValueSite, fields: readonly SchemaField[], context: CompletionContext): CompletionResult {
  const field = fields.find((candidate) => candidate.name === site.key);
  const taken = new Set(site.listItems);
  const items: CompletionEntry[] = [];
  const add = (value: string | number | boolean, kind: CompletionKind, detail: string, sortText: string) => {
    const raw = String(value);
    if (taken.has(raw) || items.some((item) => item.label === raw)) return;
    items.push({
      label: raw,
      kind,
      detail,
      start: site.start,
      end: site.end,
      insertText: valueInsertText(site, yamlValueText(value), raw),
      filterText: raw,
      sortText,
    });
  };

  const allowed = site.inList ? field?.itemEnum ?? (field?.types.includes('array') ? undefined : field?.enum) : field?.enum;
  allowed?.forEach((value, order) => add(value, 'enumMember', 'allowed value', `0${String(order).padStart(4, '0')}`));
  if (!site.inList && field && !field.enum) {
    if (field.types.length > 0 && field.types.every((type) => type === 'boolean' || type === 'null')) {
      add(false, 'value', 'boolean', '00');
      add(true, 'value', 'boolean', '01');
    }
    if (field.types.includes('date')) add(context.today ?? isoToday(), 'value', 'today', '00');
  }

  let incomplete = false;
  if ((INDEXED_FIELDS as readonly string[]).includes(site.key) && context.usedValues) {
    const used = context.usedValues(site.key as IndexedField);
    used.values.forEach(({ value, count }, order) =>
      add(value, 'value', `used in ${count} article${count === 1 ? '' : 's'}`, `1${String(order).padStart(5, '0')}`),
    );
    // Until every article has been read, the editor asks again as the author types.
    incomplete = !used.complete;
  }
  return { items, incomplete };
}

function keywordItems(article: ParsedArticle, site: BodySite, trigger: string | undefined): CompletionEntry[] | undefined {
  // A `*` that starts a bullet list is not a bold keyword.
  if (trigger === '*' && site.stars === 1 && site.prefix === '') {
    const lineStart = article.lines.lineStart(article.lines.lineOf(site.start));
    if (article.text.slice(lineStart, site.start).trim() === '') return undefined;
  }
  const keywords = frontmatterKeywords(article);
  if (keywords.length === 0) return undefined;
  const usages = keywordUsages(article, keywords);
  const sortTexts = keywordSortTexts(usages);
  const stars = '*'.repeat(site.stars);
  const firstUnused = usages.find((usage) => usage.count === 0)?.keyword;
  return usages.map(({ keyword, count }) => ({
    label: keyword,
    description: count === 0 ? 'unused' : `used ${count}×`,
    kind: 'keyword',
    detail: count === 0 ? 'Keyword not used in the text yet' : `Keyword used ${count} time${count === 1 ? '' : 's'}`,
    documentation: [{ markdown: `Inserts \`**${keyword.replace(/`/g, '')}**\`: the keyword in bold.` }],
    insertText: `**${keyword}**`,
    filterText: `${stars}${keyword}`,
    start: site.start,
    end: site.end,
    sortText: sortTexts.get(keyword),
    preselect: keyword === firstUnused,
  }));
}
