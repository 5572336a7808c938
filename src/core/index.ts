/** The engine's public surface, shared by the extension, the CLI, the preview and the benchmark. */
export * from './lines';
export * from './parse';
export * from './stats';
export * from './edits';
export * from './types';
