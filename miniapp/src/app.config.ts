import { appPages, appPreloadRule, appSubPackages } from './routes';

export default defineAppConfig({
  pages: appPages(),
  subPackages: appSubPackages(),
  preloadRule: appPreloadRule(),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '食安两责',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
});
