export default definePageConfig({ navigationBarTitleText: '日管控检查记录' });
