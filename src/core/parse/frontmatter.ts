/** What the parse reads of an article's frontmatter block. */
import type { Document } from 'yaml';

export interface FrontmatterError {
  message: string;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  /** What kind of defect: helps the rule word its message and the editor offer fixes. */
  kind: 'yaml' | 'toml' | 'json' | 'duplicate-key' | 'unterminated' | 'not-a-mapping' | 'unsupported-language' | 'alias-limit';
}

export interface Frontmatter {
  /** The language after the opening `---` ("yaml" when none is given). */
  language: string;
  /** The format the block was read as (see frontmatterFormats.ts); undefined when it could not be read (`---js`). */
  format?: 'yaml' | 'toml' | 'json';
  /** Plain values; undefined when the block could not be read as a YAML mapping. */
  data?: Record<string, unknown>;
  /** The YAML document, for ranges and comments (offsets relative to contentStart). */
  doc?: Document.Parsed;
  /** Offsets of the whole block, delimiters included; `end` is after the closing line's break. */
  start: number;
  end: number;
  /** Offsets of the YAML text between the delimiter lines. */
  contentStart: number;
  contentEnd: number;
  terminated: boolean;
  errors: FrontmatterError[];
}
