/**
 * How the integration suite (in the extension host) talks to the Playwright runner (outside the
 * workbench): JSON files in a shared folder. Both run on this machine, and the extension host
 * inherits the server's environment, which names the folder. Under @vscode/test-electron the
 * variable is unset and the workbench-side observations are skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CHANNEL_ENV = 'ARTICLE_AUTHORING_WORKBENCH_CHANNEL';
export const RESULTS_ENV = 'ARTICLE_AUTHORING_TEST_RESULTS';
/** Runs only the integration tests whose full title matches (mocha --grep), for quicker iterations. */
export const GREP_ENV = 'ARTICLE_AUTHORING_TEST_GREP';

/** Our status bar item, as it appears in the DOM (`null` text: not shown). */
export interface StatusBarItemObservation {
  text: string | null;
  /** Every visible status bar item, for failure messages. */
  allItems: string[];
}

export type WorkbenchRequest =
  /** Reads the reading-time status bar item, first waiting (up to timeoutMs) for the given state. */
  | { type: 'statusBarItem'; waitFor?: { text: string } | { absent: true }; timeoutMs?: number }
  /** Reads the article preview showing `source` (hero and search result) and takes a screenshot into the screenshots folder. */
  | { type: 'preview'; source: string; screenshot: string }
  /** Runs the Playwright checks of test/e2e against the workbench, through its UI. */
  | { type: 'e2eChecks' };

/** The article preview as the reader sees it, read from its webview frame once the hero image has loaded. */
export interface PreviewObservation {
  hero: { alt: string; naturalWidth: number; src: string };
  /** The desktop search result: its title, the address line and the description. */
  searchResult: { title: string; url: string; description: string };
  /** The screenshots' sizes in bytes (PNGs): the workbench with the preview at its top, and scrolled to the search result. */
  screenshotBytes: number;
  searchResultScreenshotBytes: number;
}

export interface WorkbenchResponse {
  ok: boolean;
  result?: unknown;
  error?: string;
}

export const requestFile = (channel: string, id: string) => path.join(channel, `request-${id}.json`);
export const responseFile = (channel: string, id: string) => path.join(channel, `response-${id}.json`);
export const requestIdOf = (fileName: string) => /^request-(.+)\.json$/.exec(fileName)?.[1];

/** Writes then renames, so the other side never reads half a file. */
export function writeJsonAtomically(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value, null, 2));
  fs.renameSync(temporary, file);
}
