import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { onAuthLost } from '../../app/api';
import { loginPath } from './loginPath';

/**
 * Root route element: when any request finds the session gone (401 `auth.required` or
 * `auth.session_expired`), go to the login page, which brings the user back here afterwards.
 */
export function SessionWatcher() {
  const location = useLocation();
  const navigate = useNavigate();
  const locationRef = useRef(location);

  useEffect(() => {
    locationRef.current = location;
  }, [location]);

  useEffect(
    () =>
      onAuthLost((error) => {
        const current = locationRef.current;
        if (current.pathname.startsWith('/login')) {
          return;
        }
        void navigate(loginPath(current, error.code), { replace: true });
      }),
    [navigate],
  );

  return <Outlet />;
}
