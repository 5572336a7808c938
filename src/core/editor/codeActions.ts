/**
 * The code actions for an editor's diagnostics of an article, as plain shapes every editor converts:
 * each finding's own fix (preferred), "Disable <rule> for this line / file", and "Fix all safe
 * problems" (as a source action, and beside the problems when it fixes more than one). Each action
 * carries the edits for the analyzed text and what identifies its problem in a later version.
 */
import { safeFixEdits } from '../fixes/safeFixes';
import type { ParsedArticle } from '../parse/parse';
import type { Finding, TextEdit } from '../types';
import { disableRuleEdit, type DisableScope } from './disableEdits';

/** One of the editor's diagnostics of our own, in offsets of the analyzed text. */
export interface DiagnosticRef {
  ruleId: string;
  start: number;
  end: number;
}

/** What an offered fix refers to: enough to find the same problem again in a newer version. */
export interface FixTarget {
  ruleId: string;
  start: number;
  end: number;
  /** The fix's title, and the text the finding covered, to recognise it in a newer version. */
  title: string;
  text: string;
  /** A "Disable <rule> for this line / file" action rather than the finding's own fix. */
  disable?: DisableScope;
}

export interface ArticleCodeAction {
  title: string;
  kind: 'quickfix' | 'fixAll';
  preferred?: boolean;
  /** The index of the diagnostic it fixes, in the list asked with. */
  diagnostic?: number;
  /** The problem a quick fix refers to (none for "fix all", which takes the safe fixes of the current text). */
  target?: FixTarget;
  /** The edits for the analyzed text. */
  edits: TextEdit[];
}

export interface CodeActionRequest {
  article: ParsedArticle;
  findings: readonly Finding[];
  diagnostics: readonly DiagnosticRef[];
  wantsQuickFixes: boolean;
  wantsFixAll: boolean;
}

export const FIX_ALL_TITLE = 'Fix all safe problems';

/** The finding with a fix that a diagnostic shows: the one with its range, else one that meets it. */
export function findingForDiagnostic(findings: readonly Finding[], diagnostic: DiagnosticRef): Finding | undefined {
  const candidates = findings.filter((finding) => finding.ruleId === diagnostic.ruleId && finding.fix);
  return (
    candidates.find((finding) => finding.start === diagnostic.start && finding.end === diagnostic.end) ??
    candidates.find((finding) => finding.start <= diagnostic.end && diagnostic.start <= finding.end)
  );
}

export function articleCodeActions(request: CodeActionRequest): ArticleCodeAction[] {
  const { article, findings, diagnostics } = request;
  const actions: ArticleCodeAction[] = [];
  if (request.wantsQuickFixes && diagnostics.length > 0) {
    diagnostics.forEach((diagnostic, index) => {
      const finding = findingForDiagnostic(findings, diagnostic);
      if (!finding?.fix) return;
      const target: FixTarget = {
        ruleId: diagnostic.ruleId,
        start: finding.start,
        end: finding.end,
        title: finding.fix.title,
        text: article.text.slice(finding.start, finding.end),
      };
      actions.push({ title: finding.fix.title, kind: 'quickfix', preferred: true, diagnostic: index, target, edits: finding.fix.edits });
    });
    diagnostics.forEach((diagnostic, index) => {
      const line = article.lines.lineOf(Math.min(diagnostic.start, article.text.length));
      const scopes: DisableScope[] = line >= article.bodyLine ? ['line', 'file'] : ['file'];
      for (const scope of scopes) {
        const title = `Disable ${diagnostic.ruleId} for this ${scope}`;
        const edit = disableRuleEdit(article, diagnostic.ruleId, line + 1, scope);
        const target: FixTarget = { ...diagnostic, title, text: article.text.slice(diagnostic.start, diagnostic.end), disable: scope };
        actions.push({ title, kind: 'quickfix', diagnostic: index, target, edits: edit ? [edit] : [] });
      }
    });
  }
  const safeCount = findings.filter((finding) => finding.fix?.safe).length;
  const quickFixAll = request.wantsQuickFixes && diagnostics.length > 0 && safeCount > 1;
  if (safeCount > 0 && (request.wantsFixAll || quickFixAll)) {
    const title = `${FIX_ALL_TITLE} (${safeCount})`;
    const edits = safeFixEdits(findings);
    if (request.wantsFixAll) actions.push({ title, kind: 'fixAll', edits });
    // Also beside the problems it fixes, as markdownlint offers it.
    if (quickFixAll) actions.push({ title, kind: 'quickfix', edits });
  }
  return actions;
}
