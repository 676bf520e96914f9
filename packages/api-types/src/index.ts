export * from './primitives.ts';
export * from './errors.ts';
export * from './roles.ts';
export * from './session.ts';
export * from './dli.ts';
export * from './mrs.ts';
export * from './dws.ts';
export * from './catalogue.ts';
