export default definePageConfig({ navigationBarTitleText: '待审核资质' });
