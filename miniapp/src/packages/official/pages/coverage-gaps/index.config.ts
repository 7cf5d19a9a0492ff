export default definePageConfig({ navigationBarTitleText: '未落实包保' });
