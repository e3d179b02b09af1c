import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { CertificatesPage } from '../admin/CertificatesPage';
import { DelegationsPage } from '../admin/DelegationsPage';
import { NotificationPreferencesPage } from '../settings/NotificationPreferencesPage';
import { AccountLayout } from './AccountLayout';

/**
 * `/account/*` for every signed-in user: their own certificates and signature image (and their
 * agency's, as the API shows them), the delegations they gave or received, and how they are
 * notified (channels, quiet hours).
 */
export const accountRoute: RouteObject = {
  path: 'account',
  element: <AccountLayout />,
  children: [
    { index: true, element: <Navigate to="/account/signature" replace /> },
    { path: 'signature', element: <CertificatesPage scope="own" /> },
    { path: 'delegations', element: <DelegationsPage /> },
    { path: 'notifications', element: <NotificationPreferencesPage /> },
  ],
};
