export default definePageConfig({ navigationBarTitleText: '今日检查' });
