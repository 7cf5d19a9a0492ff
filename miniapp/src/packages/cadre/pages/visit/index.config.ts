export default definePageConfig({ navigationBarTitleText: '督导检查' });
