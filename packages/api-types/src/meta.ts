// The zod-free part of the contract: operation metadata, roles, enumerations and the pure helpers
// that read them. A client that must not load zod up front (the web's first paint) imports
// '@dsc/api-types/meta'; the schemas stay in '@dsc/api-types', which re-exports all of this too.
export * from './roles.ts';
export * from './operations.ts';
export * from './values.ts';
export * from './network.ts';
