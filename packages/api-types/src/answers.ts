// The answers the web reads before its first rows are visible (the session, the targets, the list
// views, the saved views), in zod/mini and nothing else: '@dsc/api-types/answers' is what the
// browser loads with its first requests, instead of the whole catalogue with zod (issue 17).
// The same schemas are exported from '@dsc/api-types', where the catalogue uses them.
export { SessionResponse, SignInOptions, SignOutAnswer } from './session.ts';
export { TargetsResponse } from './targets.ts';
export { ConnectionsViewPage } from './connection-view-page.ts';
export { FleetConnectionsResponse } from './fleet-answer.ts';
export { SavedViews } from './saved-views.ts';
