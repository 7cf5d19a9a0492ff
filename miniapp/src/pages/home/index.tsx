import { useEffect } from 'react';
import { getSession } from '../../api';
import { PageContainer } from '../../components/PageContainer';
import { homeRouteOf, reLaunch } from '../../platform/nav';

/** Entry page: the role's home when logged in, the login page otherwise. */
export default function EntryPage() {
  useEffect(() => {
    const session = getSession();
    if (session) reLaunch(homeRouteOf(session.user.role));
    else reLaunch('login');
  }, []);
  return <PageContainer loading />;
}
