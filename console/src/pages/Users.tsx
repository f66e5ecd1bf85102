import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { describeError, fieldErrors } from '../api/errors';
import { ErrorAlert, Pending } from '../components/Status';
import { ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights } from '../session';

const UsersQuery = graphql(`
  query Users($first: Int) {
    users(first: $first) {
      totalCount
      edges { node { id username displayName roles active disabledAt mustChangePassword version stations { id name } } }
    }
  }
`);
const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { user { id username } oneTimePassword userErrors { field code message } }
  }
`);
const DisableUser = graphql(`
  mutation DisableUser($id: ID!) { disableUser(input: { id: $id }) { user { id active disabledAt } userErrors { field code message } } }
`);
const EnableUser = graphql(`
  mutation EnableUser($id: ID!) { enableUser(input: { id: $id }) { user { id active disabledAt } userErrors { field code message } } }
`);
const ResetPassword = graphql(`
  mutation ResetUserPassword($id: ID!) {
    resetUserPassword(input: { id: $id }) { user { id mustChangePassword } oneTimePassword userErrors { field code message } }
  }
`);

const TENANT_ROLES: Role[] = ['TENANT_ADMIN', 'STATION_OPERATOR', 'SUPERVISOR', 'VIEWER'];

export default function Users() {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const rights = useRights();
  const [{ data, fetching, error }] = useQuery({ query: UsersQuery, variables: { first: 100 } });
  const [, disable] = useMutation(DisableUser);
  const [, enable] = useMutation(EnableUser);
  const [, reset] = useMutation(ResetPassword);
  const [creating, setCreating] = useState(false);
  if (!rights.manageUsers) return <Alert type="warning" showIcon title={t('仅管理员可管理用户。', 'Only administrators manage users.')} />;
  if (!data) return <Pending fetching={fetching} error={error} />;

  const showOneTime = (username: string, password: string) =>
    modal.info({
      title: t('一次性密码', 'One-time password'),
      content: (
        <>
          <Typography.Paragraph>
            {t(`请将此密码告知 ${username}。它只显示这一次，首次登录后须更改。`,
              `Give this password to ${username}. It is shown this once and must be changed at first sign-in.`)}
          </Typography.Paragraph>
          <Typography.Text code copyable data-testid="one-time-password">{password}</Typography.Text>
        </>
      ),
    });

  type Payload = { userErrors: { message: string }[]; oneTimePassword?: string | null } | null | undefined;
  const act = async (run: () => Promise<{ error?: import('urql').CombinedError; payload: Payload }>, username: string) => {
    const { error: e, payload } = await run();
    if (e) return message.error(describeError(e, t));
    if (payload?.userErrors.length) return message.error(payload.userErrors.map((u) => u.message).join('; '));
    if (payload?.oneTimePassword) showOneTime(username, payload.oneTimePassword);
    else message.success(t('已更新', 'Updated'));
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('用户', 'Users')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>{t('新建用户', 'New user')}</Button>
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table rowKey="id" dataSource={data.users.edges.map((e) => e.node)} pagination={false} scroll={{ x: 720 }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Roles'), render: (_, u) => u.roles.map((r) => <Tag key={r}>{enumLabel(lang, ENUMS.userRole, r)}</Tag>) },
          { title: t('站点', 'Stations'), render: (_, u) => u.stations.map((s) => s.name).join('、') || '—' },
          { title: t('状态', 'State'), render: (_, u) => (
            <Space wrap>
              {u.active ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag color="red">{t('已停用', 'Disabled')}</Tag>}
              {u.mustChangePassword && <Tag color="orange">{t('待改密码', 'Must change password')}</Tag>}
            </Space>) },
          { title: t('操作', 'Actions'), render: (_, u) => (
            <Space wrap>
              {u.active
                ? <Button size="small" onClick={() => act(async () => { const r = await disable({ id: u.id }); return { error: r.error, payload: r.data?.disableUser }; }, u.username)}>{t('停用', 'Disable')}</Button>
                : <Button size="small" onClick={() => act(async () => { const r = await enable({ id: u.id }); return { error: r.error, payload: r.data?.enableUser }; }, u.username)}>{t('启用', 'Enable')}</Button>}
              <Button size="small" onClick={() => modal.confirm({
                title: t(`重置 ${u.username} 的密码？`, `Reset ${u.username}'s password?`),
                content: t('将生成一次性密码，原密码和已登录会话立即失效。', 'A one-time password replaces it; their sessions end at once.'),
                okText: t('重置', 'Reset'), cancelText: t('取消', 'Cancel'),
                onOk: () => act(async () => { const r = await reset({ id: u.id }); return { error: r.error, payload: r.data?.resetUserPassword }; }, u.username),
              })}>{t('重置密码', 'Reset password')}</Button>
            </Space>) },
        ]} />
      {creating && <CreateUserDialog onClose={() => setCreating(false)} onCreated={(name, otp) => { setCreating(false); showOneTime(name, otp); }} />}
    </>
  );
}

function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (username: string, oneTimePassword: string) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [, create] = useMutation(CreateUser);
  const [other, setOther] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const r = await create({ input: v });
    setBusy(false);
    if (r.error) return setOther([describeError(r.error, t)]);
    const p = r.data?.createUser;
    if (p?.userErrors.length) {
      const split = fieldErrors(p.userErrors, ['username', 'displayName', 'roles', 'stationIds']);
      form.setFields(split.fields);
      return setOther(split.other);
    }
    if (p?.user && p.oneTimePassword) onCreated(p.user.username, p.oneTimePassword);
  };
  return (
    <Modal open title={t('新建用户', 'New user')} onCancel={onClose} onOk={save} confirmLoading={busy}
      okText={t('创建', 'Create')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {other.map((m) => <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} role="alert" />)}
      <Form form={form} layout="vertical" name="user" initialValues={{ roles: ['VIEWER'] }}>
        <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true }]}><Input autoComplete="off" /></Form.Item>
        <Form.Item name="displayName" label={t('姓名', 'Display name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="roles" label={t('角色', 'Roles')} rules={[{ required: true }]}>
          <Select mode="multiple" options={TENANT_ROLES.map((r) => ({ value: r, label: enumLabel(lang, ENUMS.userRole, r) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
