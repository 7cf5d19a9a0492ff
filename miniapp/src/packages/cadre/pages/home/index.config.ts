export default definePageConfig({ navigationBarTitleText: '包保首页' });
