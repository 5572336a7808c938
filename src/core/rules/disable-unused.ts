import { defineRule } from './rule';

/**
 * A disable comment that turns nothing off. Reported by the analysis itself (it knows which comments
 * silenced a finding once every rule has run); this entry gives the rule its id, severity and docs.
 */
export default defineRule({
  id: 'disable-unused',
  defaultSeverity: 'off',
  description: 'An `article-lint-disable` comment turns nothing off in this run (off by default; `--report-unused-disables` in the CLI).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check() {
    // Judged after the other rules: see analyze/analyze.ts.
  },
});
