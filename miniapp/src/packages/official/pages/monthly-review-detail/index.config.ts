export default definePageConfig({ navigationBarTitleText: '月调度纪要详情' });
