import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ErrorCodes, type LoginResponse } from '@shian/shared';
import { ApiError, api, errorMessage, getSession, saveSession } from '../../api';
import { PageContainer } from '../../components/PageContainer';
import { homeRouteOf, navigateTo, reLaunch } from '../../platform/nav';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const PHONE_RE = /^1\d{10}$/;

async function wechatCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('微信登录失败，请稍后重试');
  return code;
}

export default function LoginPage() {
  const router = useRouter();
  // After registering or joining, the new account's phone comes along.
  const [phone, setPhone] = useState(() => (PHONE_RE.test(router.params.phone ?? '') ? (router.params.phone as string) : ''));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(router.params.expired ? '登录已过期，请重新登录' : null);
  const [submitting, setSubmitting] = useState(false);
  /** weapp: the WeChat account is not bound yet; the form binds it with phone + password. */
  const [bindingWechat, setBindingWechat] = useState(false);

  useEffect(() => {
    const session = getSession();
    if (session) reLaunch(homeRouteOf(session.user.role));
  }, []);

  function finish(res: LoginResponse) {
    saveSession(res, res.user);
    reLaunch(homeRouteOf(res.user.role));
  }

  async function onSubmit() {
    if (submitting) return;
    const p = phone.trim();
    if (!PHONE_RE.test(p)) {
      setError('请输入11位手机号');
      return;
    }
    if (!password) {
      setError('请输入密码');
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      const res = bindingWechat
        ? await api.auth.wechat({ code: await wechatCode(), phone: p, password })
        : await api.auth.login({ phone: p, password });
      finish(res);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  }

  async function onWechatLogin() {
    if (submitting) return;
    setError(null);
    setSubmitting(true);
    try {
      finish(await api.auth.wechat({ code: await wechatCode() }));
    } catch (e) {
      if (e instanceof ApiError && e.code === ErrorCodes.WechatNotBound) {
        setBindingWechat(true);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PageContainer>
      <View className="login__brand">
        <View className="login__logo">食</View>
        <View className="login__title">食安两责</View>
        <View className="login__subtitle">食品安全主体责任与属地管理责任</View>
      </View>

      <View className="login__form">
        <View className="login__field">
          <Text className="login__label">手机号</Text>
          <Input
            type={IS_WEAPP ? 'number' : 'tel'}
            name="phone"
            placeholder="请输入手机号"
            maxLength={11}
            value={phone}
            onChange={(v) => setPhone(v)}
            clearable
          />
        </View>
        <View className="login__field">
          <Text className="login__label">密码</Text>
          <Input
            type="password"
            name="password"
            placeholder="请输入密码"
            value={password}
            onChange={(v) => setPassword(v)}
            onConfirm={() => void onSubmit()}
          />
        </View>
      </View>

      {bindingWechat ? <View className="login__notice">首次使用微信登录，请输入手机号和密码完成绑定</View> : null}
      {error ? <View className="error-text">{error}</View> : null}

      <View className="actions">
        <Button type="primary" block size="large" loading={submitting} onClick={() => void onSubmit()}>
          {bindingWechat ? '绑定并登录' : '登录'}
        </Button>
        {IS_WEAPP && !bindingWechat ? (
          <Button block size="large" fill="outline" type="primary" disabled={submitting} onClick={() => void onWechatLogin()}>
            微信一键登录
          </Button>
        ) : null}
      </View>

      <View className="login__links">
        <View className="login__link" onClick={() => navigateTo('onboarding.register')}>
          企业注册
        </View>
        <View className="login__link-divider" />
        <View className="login__link" onClick={() => navigateTo('onboarding.join')}>
          凭邀请码加入
        </View>
      </View>
      <View className="login__links login__links--public">
        <View className="login__link" onClick={() => navigateTo('public.complaint')}>
          投诉举报
        </View>
        <View className="login__link-divider" />
        <View className="login__link" onClick={() => navigateTo('public.complaintStatus')}>
          投诉举报进度查询
        </View>
      </View>
      <View className="login__footer">食品经营者自主注册，经所在地市场监管部门审核后使用；食品安全总监、安全员凭主要负责人的邀请码加入</View>
    </PageContainer>
  );
}
