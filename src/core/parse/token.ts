/** The markdown-it token type, named once for every layer. */
import type MarkdownIt from 'markdown-it';

export type Token = MarkdownIt.Token;
