#!/usr/bin/env node
// `npm run fuzz`: the property tests of test/unit/properties.test.ts with FUZZ_TOTAL cases in all
// (default 100,000), spread evenly over the properties through FUZZ_RUNS. Compiles first; prints
// the seed (a fresh random one unless FUZZ_SEED is set; every property runs with it), the cases run
// and the inputs tried, and exits non-zero when a property failed.
//
//   node scripts/fuzz.mjs [--no-compile]     Env: FUZZ_TOTAL (100000), FUZZ_SEED (fast-check seed)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(REPO, 'node_modules/.bin', name);
const started = Date.now();

if (!process.argv.includes('--no-compile')) {
  const compiled = spawnSync(bin('tsc'), ['-p', '.'], { cwd: REPO, stdio: 'inherit' });
  if (compiled.status !== 0) console.warn('[fuzz] tsc reported errors; running what was emitted');
}
const { PROPERTY_COUNT } = createRequire(import.meta.url)(path.join(REPO, 'out/test/unit/helpers/fuzzConfig.js'));
const total = Number(process.env.FUZZ_TOTAL ?? 100_000);
const runs = Math.ceil(total / PROPERTY_COUNT);
// fast-check's seeds are 32-bit integers.
const seed = process.env.FUZZ_SEED ?? String((Math.random() * 2 ** 32 - 2 ** 31) | 0);
console.log(`[fuzz] ${PROPERTY_COUNT} properties × ${runs} runs = ${PROPERTY_COUNT * runs} cases, seed ${seed}`);
const result = spawnSync(
  bin('mocha'),
  ['--no-config', '--ui', 'bdd', '--timeout', '0', '--reporter', 'spec', path.join(REPO, 'out/test/unit/properties.test.js')],
  { cwd: REPO, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed } },
);
const outcome = result.status === 0 ? 'passed' : 'FAILED';
console.log(`[fuzz] ${outcome}: ${PROPERTY_COUNT * runs} cases in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed}; replay: FUZZ_SEED=${seed} npm run fuzz)`);
process.exitCode = result.status ?? 1;
