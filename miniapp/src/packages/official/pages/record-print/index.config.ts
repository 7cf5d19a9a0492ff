export default definePageConfig({ navigationBarTitleText: '打印记录' });
