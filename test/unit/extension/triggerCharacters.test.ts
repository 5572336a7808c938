/** The extension registers its completion providers before the engine loads: its trigger characters must be the engine's (the language server's). */
import * as assert from 'node:assert/strict';
import { COMPLETION_TRIGGER_CHARACTERS, LINK_TRIGGER_CHARACTERS } from '../../../src/core';
import * as extension from '../../../src/extension/triggerCharacters';

describe('the extension\'s completion trigger characters', () => {
  it('are the engine\'s: frontmatter and keyword completion, and link completion', () => {
    assert.deepEqual(extension.COMPLETION_TRIGGER_CHARACTERS, COMPLETION_TRIGGER_CHARACTERS);
    assert.deepEqual(extension.LINK_TRIGGER_CHARACTERS, LINK_TRIGGER_CHARACTERS);
  });
});
