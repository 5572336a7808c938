/**
 * The engine, loaded on first use. Activation loads only the adapter (dist/extension.js); the engine
 * (dist/engine.js, see scripts/build.mjs) is loaded by the first analysis, which runs right after
 * activation returns. Everything in src/extension reaches src/core through here or `import type`.
 */
export type Engine = typeof import('./engineModule');

let loaded: Engine | undefined;
const waiting: ((engine: Engine) => void)[] = [];

export function engine(): Engine {
  if (!loaded) {
    loaded = require('./engineModule') as Engine;
    for (const callback of waiting.splice(0)) callback(loaded);
  }
  return loaded;
}

/** Runs `callback` once the engine is loaded (at once when it is): what needs the engine's data but must not load it at activation. */
export function whenEngineLoaded(callback: (engine: Engine) => void): void {
  if (loaded) callback(loaded);
  else waiting.push(callback);
}
