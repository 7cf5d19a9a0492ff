import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import { setSessionExpiredHandler } from './api';
import { reLaunch } from './platform/nav';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // A session that can no longer be refreshed sends the user back to login.
    setSessionExpiredHandler(() => reLaunch('login', { expired: 1 }));
  });
  return children;
}

export default App;
