import { incomingViewValues } from '@vanban/contracts';
import type { RouteObject } from 'react-router';
import { Navigate, Outlet } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { navItems } from '../shell/navigation';
import { RequireRole } from '../shell/RequireRole';
import { IncomingDocumentPage } from './IncomingDocumentPage';
import { IncomingListPage } from './IncomingListPage';
import { IncomingSearchPage } from './IncomingSearchPage';
import { defaultView, viewPath, viewSlug } from './model';
import { RegisterIncomingPage } from './RegisterIncomingPage';

const incomingRoles = navItems.find((item) => item.id === 'incoming')?.roles ?? null;

/** `/incoming` opens the inbox that matters most to the user's roles. */
function IncomingIndex() {
  const me = useSession();
  return <Navigate to={viewPath(defaultView(userRoles(me)))} replace />;
}

/**
 * `/incoming/<view>` (one per inbox), `/incoming/new` (clerks), `/incoming/search?q=`,
 * `/incoming/<document id>`. Static segments win over `:id` in React Router's ranking.
 */
export const incomingRoute: RouteObject = {
  path: 'incoming',
  element: (
    <RequireRole roles={incomingRoles}>
      <Outlet />
    </RequireRole>
  ),
  children: [
    { index: true, element: <IncomingIndex /> },
    {
      path: 'new',
      element: (
        <RequireRole roles={['clerk']}>
          <RegisterIncomingPage />
        </RequireRole>
      ),
    },
    { path: 'search', element: <IncomingSearchPage /> },
    ...incomingViewValues.map((view) => ({
      path: viewSlug(view),
      element: <IncomingListPage key={view} view={view} />,
    })),
    { path: ':id', element: <IncomingDocumentPage /> },
  ],
};
