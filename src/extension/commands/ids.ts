/**
 * Every command the extension registers, and where the Command Palette offers it. No vscode import:
 * the CommandManager checks at activation that each one is registered, and a unit test compares this
 * list with package.json's `contributes.commands` and `menus.commandPalette`.
 */

/**
 * Where the Command Palette shows a command: `article` only while a Markdown or MDX editor is active
 * (it works on that article), `always` (it works on the workspace), `never` (called by other parts of
 * the extension, such as a quick fix's action).
 */
export type PaletteScope = 'article' | 'always' | 'never';

/** The palette's `when` clause for each scope (`always` has none). */
export const PALETTE_WHEN: Readonly<Record<Exclude<PaletteScope, 'always'>, string>> = {
  article: 'editorLangId == markdown || editorLangId == mdx',
  never: 'false',
};

export const COMMANDS = {
  updateReadingTime: { id: 'articleAuthoring.updateReadingTime', palette: 'article' },
  openPreviewToSide: { id: 'articleAuthoring.openPreviewToSide', palette: 'article' },
  newArticle: { id: 'articleAuthoring.newArticle', palette: 'always' },
  insertFaqSection: { id: 'articleAuthoring.insertFaqSection', palette: 'article' },
  insertImage: { id: 'articleAuthoring.insertImage', palette: 'article' },
  insertKeyword: { id: 'articleAuthoring.insertKeyword', palette: 'article' },
  generateSlug: { id: 'articleAuthoring.generateSlug', palette: 'article' },
  checkAllArticles: { id: 'articleAuthoring.checkAllArticles', palette: 'always' },
  copyFaqJsonLd: { id: 'articleAuthoring.copyFaqJsonLd', palette: 'article' },
  fixAll: { id: 'articleAuthoring.fixAll', palette: 'article' },
  applyFix: { id: 'articleAuthoring.applyFix', palette: 'never' },
  showSiteProfile: { id: 'articleAuthoring.showSiteProfile', palette: 'article' },
  showSiteReport: { id: 'articleAuthoring.showSiteReport', palette: 'always' },
} as const satisfies Record<string, { id: string; palette: PaletteScope }>;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS]['id'];

/** Every command id, in the order above. */
export const COMMAND_IDS: readonly CommandId[] = Object.values(COMMANDS).map((command) => command.id);
