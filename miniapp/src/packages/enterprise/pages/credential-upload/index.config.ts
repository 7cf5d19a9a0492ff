export default definePageConfig({ navigationBarTitleText: '上传资质证明' });
