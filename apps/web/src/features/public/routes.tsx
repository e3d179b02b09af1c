import type { RouteObject } from 'react-router';
import { PublicAgenciesPage } from './PublicAgenciesPage';
import { PublicAgencyPage } from './PublicAgencyPage';
import { PublicLayout } from './PublicLayout';

/** `/public` and `/public/:code`: the transparency pages, outside the signed-in layout. */
export const publicRoute: RouteObject = {
  path: '/public',
  element: <PublicLayout />,
  children: [
    { index: true, element: <PublicAgenciesPage /> },
    { path: ':code', element: <PublicAgencyPage /> },
  ],
};
