/**
 * Types for the markdown-it plugins the body parse uses (markdown-it 15 ships its own types, which
 * the DefinitelyTyped packages of these plugins do not use).
 */
declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it';
  const footnote: (md: MarkdownIt.MarkdownIt) => void;
  export default footnote;
}

declare module 'markdown-it-container' {
  import type MarkdownIt from 'markdown-it';
  interface ContainerOptions {
    marker?: string;
    validate?(params: string, markup: string): boolean;
    render?: MarkdownIt.RendererRule;
  }
  const container: (md: MarkdownIt.MarkdownIt, name: string, options?: ContainerOptions) => void;
  export default container;
}
