import { appPages, appPreloadRule, appSubPackages } from './routes';

export default defineAppConfig({
  pages: appPages(),
  subPackages: appSubPackages(),
  preloadRule: appPreloadRule(),
  // 督导检查 records where the cadre was (optional: a refusal never blocks the visit).
  permission: { 'scope.userLocation': { desc: '督导检查时记录检查地点' } },
  requiredPrivateInfos: ['getLocation'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '食安两责',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
});
