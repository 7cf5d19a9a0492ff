/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_API_BASE?: string;
  }
}

declare const process: { env: NodeJS.ProcessEnv };

/** API origin baked in at build time (config/index.ts defineConstants): '' on H5 (same origin). */
declare const API_BASE: string;
