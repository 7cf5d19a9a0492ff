export default definePageConfig({ navigationBarTitleText: '人员与资质' });
