import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

const NUTUI_PACKAGES = ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'];
const platform = process.env.TARO_ENV ?? 'h5';
const SHARED_SRC = path.resolve(__dirname, '..', '..', 'shared', 'src');

/**
 * API origin. H5 is served by the API server itself, so it calls the same origin ('').
 * The mini-program needs an absolute URL: TARO_APP_API_BASE, default http://localhost:3000.
 */
const apiBase = platform === 'h5' ? process.env.TARO_APP_API_BASE ?? '' : process.env.TARO_APP_API_BASE || 'http://localhost:3000';

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shian-miniapp',
    date: '2026-11-25',
    // Our own styles use the 750 design width; NutUI is built for 375.
    designWidth(input) {
      const file = typeof input === 'object' && input && 'file' in input ? String((input as { file?: string }).file ?? '') : '';
      return file.replace(/\\/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    alias: {
      // Compile the shared domain package from source: no dependency on shared/dist being built,
      // and tree-shaking keeps the mini-program main package small.
      '@shian/shared': SHARED_SRC,
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // NutUI must not be prebundled (weapp "template not found" otherwise).
      prebundle: { exclude: NUTUI_PACKAGES },
    },
    cache: { enable: false },
    mini: {
      // Run babel (TypeScript) over the shared package sources too.
      compile: { include: [SHARED_SRC] },
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: {
          enable: true,
          config: { selectorBlackList: ['nut-'] },
        },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED_SRC] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: { selectorBlackList: ['nut-'] },
        },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Taro splits initial chunks only, so every lazily loaded page would carry its own copy
        // of NutUI and the Taro components; share them between pages instead.
        const split = chain.optimization.get('splitChunks');
        if (split) chain.optimization.splitChunks({ ...split, chunks: 'all', minSize: 20_000 });
        // ~250 KB of React + Taro runtime is the floor for the entry; don't warn about it.
        chain.performance.hints(false);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
