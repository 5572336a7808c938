/**
 * The status bar item "K/N keywords" beside the reading time: how many of the frontmatter's distinct
 * keywords the body uses (the engine's stats, from the same analysis as the diagnostics). Clicking it
 * lists every keyword as used or unused (Article: Insert Keyword), to insert one at the cursor.
 */
import type { ArticleAnalyzer } from './analyzer';
import type { DocumentAnalysis } from './articleDocuments';
import { AnalysisStatusItem } from './analysisStatus';
import { COMMANDS } from './commands/ids';

export const KEYWORD_STATUS_ID = 'articleAuthoring.keywordCoverage';

export function formatKeywordStatus(used: number, total: number): string {
  return `${used}/${total} keywords`;
}

export class KeywordCoverageStatus extends AnalysisStatusItem {
  constructor(analyzer: ArticleAnalyzer) {
    // Just right of the reading-time item (priority 100).
    super(analyzer, { id: KEYWORD_STATUS_ID, name: 'Article Keyword Coverage', command: COMMANDS.insertKeyword.id, priority: 99, followsEdits: true });
  }

  protected render(analysis: DocumentAnalysis): boolean {
    const { keywordsUsed, keywordsTotal } = analysis.stats;
    if (keywordsTotal === 0) return false;
    this.item.text = formatKeywordStatus(keywordsUsed, keywordsTotal);
    const unused = keywordsTotal - keywordsUsed;
    this.item.tooltip = `${keywordsUsed} of ${keywordsTotal} frontmatter keywords occur in the body${
      unused > 0 ? ` (${unused} unused)` : ''
    }. Click to see which, and insert one at the cursor.`;
    return true;
  }
}
