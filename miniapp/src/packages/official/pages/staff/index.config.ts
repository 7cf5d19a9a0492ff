export default definePageConfig({ navigationBarTitleText: '企业人员与资质' });
