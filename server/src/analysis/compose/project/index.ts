// The compose project as docker compose assembles it from its files: which files (files.ts),
// `include:` (include.ts) and the variables of each file (environments.ts), `extends:` and the merge (load.ts, merge.ts), profiles (profiles.ts).
export * from './environments';
export * from './files';
export * from './fragments';
export * from './include';
export * from './describe';
export * from './load';
export * from './merge';
export * from './profiles';
