import { outgoingViewValues } from '@vanban/contracts';
import type { RouteObject } from 'react-router';
import { Navigate, Outlet } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { navItems } from '../shell/navigation';
import { RequireRole } from '../shell/RequireRole';
import { EditDraftPage, NewDraftPage } from './DraftPages';
import { defaultView, viewPath, viewSlug } from './model';
import { OutgoingDocumentPage } from './OutgoingDocumentPage';
import { OutgoingListPage } from './OutgoingListPage';

const outgoingRoles = navItems.find((item) => item.id === 'outgoing')?.roles ?? null;

/** `/outgoing` opens the list that matters most to the user's roles. */
function OutgoingIndex() {
  const me = useSession();
  return <Navigate to={viewPath(defaultView(userRoles(me)))} replace />;
}

/**
 * `/outgoing/<view>` (drafts, to-review, to-sign, to-number, to-seal, to-issue, issued, all),
 * `/outgoing/new[?answers=<incoming id>]`, `/outgoing/<id>`, `/outgoing/<id>/edit`.
 * Static segments win over `:id` in React Router's ranking.
 */
export const outgoingRoute: RouteObject = {
  path: 'outgoing',
  element: (
    <RequireRole roles={outgoingRoles}>
      <Outlet />
    </RequireRole>
  ),
  children: [
    { index: true, element: <OutgoingIndex /> },
    { path: 'new', element: <NewDraftPage /> },
    ...outgoingViewValues.map((view) => ({
      path: viewSlug(view),
      element: <OutgoingListPage key={view} view={view} />,
    })),
    { path: ':id', element: <OutgoingDocumentPage /> },
    { path: ':id/edit', element: <EditDraftPage /> },
  ],
};
