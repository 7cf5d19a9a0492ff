export default definePageConfig({ navigationBarTitleText: '提交队列' });
