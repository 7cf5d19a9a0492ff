export default definePageConfig({ navigationBarTitleText: '包保设置' });
