import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { changePassword, login, LoginFailure, type LoginAnswer, type Session } from '../auth';
import { useI18n } from '../i18n';

interface Props {
  onSignedIn: (session: Session) => void;
  sessionEnded: boolean;
}

export function SignIn({ onSignedIn, sessionEnded }: Props) {
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // after a one-time password: the short-lived token good for POST /login/password alone
  const [pending, setPending] = useState<{ answer: LoginAnswer; tenant: string; password: string } | null>(null);

  const explain = (e: unknown) => {
    if (e instanceof LoginFailure) {
      if (e.status === 401) return t('租户代码、用户名或密码错误。', 'Unknown tenant, username or password.');
      if (e.status === 429)
        return t(`尝试次数过多，请 ${e.retryAfter ?? ''} 秒后再试。`, `Too many attempts; try again in ${e.retryAfter ?? ''} s.`);
      if (e.status === 0) return t('无法连接服务。', 'Cannot reach the service.');
      return `${e.message} (${e.status})`;
    }
    return String(e);
  };

  const finish = (answer: LoginAnswer, tenant: string) =>
    onSignedIn({ token: answer.access_token, username: answer.username, roles: answer.roles, tenant });

  const submit = async (v: { tenant?: string; username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const tenant = (v.tenant ?? '').trim();
      const answer = await login(tenant, v.username.trim(), v.password);
      if (answer.must_change_password) setPending({ answer, tenant, password: v.password });
      else finish(answer, tenant);
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const submitNew = async (v: { newPassword: string }) => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await changePassword(pending.answer.access_token, pending.password, v.newPassword);
      finish(answer, pending.tenant);
    } catch (e) {
      setError(
        e instanceof LoginFailure && e.status === 400
          ? t('新密码不符合要求：', 'The new password is not accepted: ') + e.message
          : explain(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('社工站管理平台', 'Social work stations')}
          </Typography.Title>
          <Segmented
            aria-label={t('语言', 'Language')}
            size="small"
            value={lang}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
            onChange={(v) => setLang(v as 'zh' | 'en')}
          />
        </div>
        {sessionEnded && !error && (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon
            title={t('登录已失效，请重新登录。', 'Your sign-in has ended; please sign in again.')} />
        )}
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} role="alert" />}
        {pending ? (
          <Form layout="vertical" style={{ marginTop: 16 }} onFinish={submitNew} requiredMark={false}>
            <Typography.Paragraph>
              {t('这是一次性密码，请设置您自己的新密码（至少 12 个字符）。',
                'This is a one-time password: choose your own (at least 12 characters).')}
            </Typography.Paragraph>
            <Form.Item name="newPassword" label={t('新密码', 'New password')}
              rules={[{ required: true, min: 12, message: t('至少 12 个字符', 'At least 12 characters') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('确认新密码', 'Confirm new password')} dependencies={['newPassword']}
              rules={[{ required: true, message: t('请再次输入', 'Enter it again') },
                ({ getFieldValue }) => ({
                  validator: (_, value) => value === getFieldValue('newPassword') ? Promise.resolve()
                    : Promise.reject(new Error(t('两次输入不一致', 'The two entries differ'))),
                })]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('设置新密码并登录', 'Set password and sign in')}
            </Button>
          </Form>
        ) : (
          <Form layout="vertical" style={{ marginTop: 16 }} onFinish={submit} requiredMark={false}>
            <Form.Item name="tenant" label={t('租户代码', 'Tenant code')}
              extra={t('平台管理员不填', 'Leave empty as a platform administrator')}>
              <Input autoComplete="organization" placeholder="wuhan" />
            </Form.Item>
            <Form.Item name="username" label={t('用户名', 'Username')}
              rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('密码', 'Password')}
              rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('登录', 'Sign in')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
