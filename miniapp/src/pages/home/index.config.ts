export default definePageConfig({ navigationBarTitleText: '食安两责' });
