export default definePageConfig({ navigationBarTitleText: '分配包保' });
