export default definePageConfig({ navigationBarTitleText: '企业首页' });
