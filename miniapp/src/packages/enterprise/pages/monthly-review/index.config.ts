export default definePageConfig({ navigationBarTitleText: '月调度会议纪要' });
