import { dliHandlers } from './dli.ts';
import { dwsHandlers } from './dws.ts';
import { mrsHandlers } from './mrs.ts';
import type { HandlerMap } from './types.ts';

export const handlers: HandlerMap = { ...dliHandlers, ...mrsHandlers, ...dwsHandlers };
