// The scenario room's messages render found values with the engine's preview (core/preview.ts),
// so a planner's bad decision and a file's bad field read the same way.

export { clip, expectGot, preview } from '../core/preview'
