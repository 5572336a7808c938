import * as assert from 'node:assert/strict';
import { UsageError, parseArgs } from '../../../src/cli/args';

describe('CLI arguments', () => {
  it('defaults to stylish, no fix, no warning limit, the working directory, the cache on', () => {
    assert.deepEqual(parseArgs([]), { patterns: [], format: 'stylish', fix: false, cache: true, help: false, version: false });
  });

  it('reads every option, in both spellings', () => {
    const options = parseArgs(['a.md', '--format', 'json', 'posts', '--config=x.json', '--max-warnings', '3', '--fix']);
    assert.deepEqual(options, {
      patterns: ['a.md', 'posts'],
      format: 'json',
      config: 'x.json',
      maxWarnings: 3,
      fix: true,
      cache: true,
      help: false,
      version: false,
    });
    assert.equal(parseArgs(['-f', 'sarif']).format, 'sarif');
    assert.equal(parseArgs(['--format=stylish']).format, 'stylish');
    assert.equal(parseArgs(['-c', 'c.json']).config, 'c.json');
    assert.equal(parseArgs(['--max-warnings=0']).maxWarnings, 0);
    assert.equal(parseArgs(['--max-warnings', '-1']).maxWarnings, undefined);
    assert.equal(parseArgs(['-h']).help, true);
    assert.equal(parseArgs(['--version']).version, true);
    assert.equal(parseArgs(['--no-cache']).cache, false);
    assert.equal(parseArgs(['--cache-location', '.cache']).cacheLocation, '.cache');
    assert.equal(parseArgs(['--cache-location=/tmp/c']).cacheLocation, '/tmp/c');
  });

  it('takes everything after -- as a path', () => {
    assert.deepEqual(parseArgs(['--', '--fix', '-x.md']).patterns, ['--fix', '-x.md']);
  });

  for (const [argv, message] of [
    [['--format', 'xml'], /--format must be one of stylish, json, sarif, github, not "xml"/],
    [['--format'], /--format needs a value/],
    [['--max-warnings', 'many'], /whole number/],
    [['--max-warnings', '1.5'], /whole number/],
    [['--bogus'], /unknown option --bogus/],
    [['--fix=yes'], /--fix takes no value/],
    [['--config', 'a', '--config', 'b'], /more than once/],
  ] as Array<[string[], RegExp]>) {
    it(`rejects ${argv.join(' ')} with a one-line message`, () => {
      assert.throws(
        () => parseArgs(argv),
        (error: unknown) => error instanceof UsageError && message.test(error.message) && !error.message.includes('\n'),
      );
    });
  }
});
