export default definePageConfig({ navigationBarTitleText: '更正检查记录' });
