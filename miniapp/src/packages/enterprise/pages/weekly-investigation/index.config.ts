export default definePageConfig({ navigationBarTitleText: '每周排查治理报告' });
