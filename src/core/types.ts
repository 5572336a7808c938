/** Types shared by the engine, the CLI and the editor. */

/** Replace [start, end) with newText; UTF-16 offsets into ParsedArticle.text (BOM excluded). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * Where the editor leaves the cursor, as an offset into newText, when the author is meant to type
   * there (an empty alt text to write): the editor applies the edit as a snippet. Such a fix is never
   * safe, so `--fix` never applies it.
   */
  cursor?: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
/** A rule's entry in `.article-lint.json`: a severity, or a severity with options. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

export interface Fix {
  /** What the editor's quick fix says, e.g. "Set readingTime to 5 minutes". */
  title: string;
  /** Minimal edits, UTF-16 offsets into ParsedArticle.text. */
  edits: TextEdit[];
  /** Applied by `article-lint --fix` and "fix all" (reading time, slug format). */
  safe: boolean;
}

/** A place in an article: offsets, and the lines and columns an editor or a report shows. */
export interface TextRange {
  /** UTF-16 offsets into ParsedArticle.text (BOM excluded). */
  start: number;
  end: number;
  /** 1-based; columns in UTF-16 code units; endColumn exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends TextRange {
  ruleId: string;
  severity: Severity;
  message: string;
  fix?: Fix;
  /** Other fixes offered beside `fix` (the other close targets of a broken link). */
  alternatives?: Fix[];
}

export interface ArticleStats {
  words: number;
  readingMinutes: number;
  keywordsUsed: number;
  keywordsTotal: number;
  faqQuestions: number;
  /** Flesch reading ease of the body's prose; null when the article declares another language or has no prose. */
  readability: number | null;
  /** Widths in px of Arial as a desktop search result sets them (title 20 px, description 14 px); null when absent. */
  titleWidth: number | null;
  descriptionWidth: number | null;
}

/**
 * The file system the engine may look at, given by the caller: node's fs in the CLI, the
 * workspace file system in the editor. Paths are absolute, with the platform's separators.
 */
export interface FileSystemHost {
  /** 'file', 'directory', or undefined when nothing (readable) is there. */
  stat(path: string): Promise<'file' | 'directory' | undefined>;
  /** The file's text, or undefined when it cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /**
   * The entries of a folder (names, not paths), or undefined when it cannot be listed. Optional: a
   * host without it gives no listing, and what needs one (the keys a site's templates read) is
   * left out. Symbolic links are listed as what they point to; other kinds are left out.
   */
  readDirectory?(path: string): Promise<DirectoryEntry[] | undefined>;
  /**
   * The first `bytes` bytes of a file, as text (its frontmatter, without reading the rest), or
   * undefined when it cannot be read. Optional: without it, the whole text is read.
   */
  readStart?(path: string, bytes: number): Promise<string | undefined>;
}

/** A folder entry: its name and whether it is a file or a folder. */
export type DirectoryEntry = [name: string, kind: 'file' | 'directory'];
