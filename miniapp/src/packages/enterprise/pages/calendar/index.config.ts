export default definePageConfig({ navigationBarTitleText: '检查日历' });
