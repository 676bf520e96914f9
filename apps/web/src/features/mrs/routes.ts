import { createRoute, lazyRouteComponent, stripSearchParams } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { dataConnectorOptions, listDataConnectorsOptions } from './queries.ts';
import { mrsSearchDefaults, validateMrsSearch } from './search.ts';

export const dataConnectorsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'mrs/data-connectors',
  validateSearch: validateMrsSearch,
  // Defaults stay out of the URL, so "/mrs/data-connectors" and a reset view are the same link.
  search: { middlewares: [stripSearchParams(mrsSearchDefaults)] },
  loaderDeps: ({ search }) => search,
  // Start the request while the page's code downloads; the page's own query shows its states.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(listDataConnectorsOptions(deps));
  },
  component: lazyRouteComponent(() => import('./data-connectors-page.tsx'), 'DataConnectorsPage'),
});

/** The edit page keeps the list's search params, so Back and Save return to the same view. */
export const editDataConnectorRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'mrs/data-connectors/$connectorId/edit',
  validateSearch: validateMrsSearch,
  search: { middlewares: [stripSearchParams(mrsSearchDefaults)] },
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(dataConnectorOptions(params.connectorId));
  },
  component: lazyRouteComponent(
    () => import('./edit-data-connector-page.tsx'),
    'EditDataConnectorPage',
  ),
});

export const createDataConnectorRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'mrs/data-connectors/new',
  validateSearch: validateMrsSearch,
  search: { middlewares: [stripSearchParams(mrsSearchDefaults)] },
  component: lazyRouteComponent(() => import('./create-data-connector-page.tsx'), 'CreateDataConnectorPage'),
});

export const mrsRoutes = [dataConnectorsRoute, createDataConnectorRoute, editDataConnectorRoute] as const;
