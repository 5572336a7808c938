// Mocha reporter: mocha's own "spec" output (with its "N passing" lines), plus a JSON summary file
// that scripts/test.mjs adds up, so the total never depends on scraping text.
// Options: --reporter-option statsFile=PATH,suite=NAME (or reporterOptions in the Mocha constructor).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner, options = {}) {
    super(runner, options);
    const { statsFile, suite = 'mocha' } = options.reporterOptions || {};
    const tests = [];
    runner.on(EVENT_TEST_PASS, (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    // Also failing hooks: they count as failures in mocha's stats.
    runner.on(EVENT_TEST_FAIL, (test, error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: String((error && error.message) || error) }),
    );
    runner.once(EVENT_RUN_END, () => {
      if (!statsFile) return;
      const { passes, failures, pending } = runner.stats;
      fs.mkdirSync(path.dirname(statsFile), { recursive: true });
      fs.writeFileSync(statsFile, JSON.stringify({ suite, passes, failures, pending, tests }, null, 2));
    });
  }
}

module.exports = StatsReporter;
