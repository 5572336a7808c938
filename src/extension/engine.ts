/**
 * The engine, loaded on first use. Activation loads only the adapter (dist/extension.js); the engine
 * (dist/engine.js, see scripts/build.mjs) is loaded by the first analysis, which runs right after
 * activation returns. Everything in src/extension reaches src/core through here or `import type`.
 */
export type Engine = typeof import('./engineModule');

let loaded: Engine | undefined;

export function engine(): Engine {
  loaded ??= require('./engineModule') as Engine;
  return loaded;
}
