export default definePageConfig({ navigationBarTitleText: '风险管控清单' });
