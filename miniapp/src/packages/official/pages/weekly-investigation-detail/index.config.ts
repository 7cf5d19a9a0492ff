export default definePageConfig({ navigationBarTitleText: '周排查报告详情' });
