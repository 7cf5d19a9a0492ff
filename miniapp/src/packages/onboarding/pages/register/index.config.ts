export default definePageConfig({ navigationBarTitleText: '企业注册' });
