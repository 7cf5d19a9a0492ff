export default definePageConfig({ navigationBarTitleText: '督导统计' });
