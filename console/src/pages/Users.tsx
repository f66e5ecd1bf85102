import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role, UsersQuery as UsersData } from '../gql/graphql';
import { describeError, fieldErrors, type ApiUserError } from '../api/errors';
import { FormDialog } from '../components/FormDialog';
import { ErrorAlert, Pending } from '../components/Status';
import { ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights, useSession } from '../session';
import { valuesOf } from '../api/forms';

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
const UpdateUser = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) { user { id displayName roles version stations { id name } } userErrors { field code message } }
  }
`);
// the stations an administrator may grant a STATION_OPERATOR
const GrantableStations = graphql(`
  query GrantableStations { stations(first: 100) { edges { node { id name } } } }
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

type User = UsersData['users']['edges'][number]['node'];

export default function Users() {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const rights = useRights();
  const [{ data, fetching, error }] = useQuery({ query: UsersQuery, variables: { first: 100 } });
  const [, disable] = useMutation(DisableUser);
  const [, enable] = useMutation(EnableUser);
  const [, reset] = useMutation(ResetPassword);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const { session } = useSession();
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
              <Button size="small" data-testid={`user-edit-${u.username}`} onClick={() => setEditing(u)}>{t('编辑', 'Edit')}</Button>
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
      {editing && <EditUserDialog key={editing.id} user={editing} self={session.username === `${session.tenant}:${editing.username}` || session.username === editing.username}
        onClose={() => setEditing(null)} />}
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
    const v = await valuesOf(form);
    if (!v) return;
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

// The service's refusals of an administrator's own change, in Chinese: they say why and what to do instead.
const REFUSALS: readonly [RegExp, string][] = [
  [/cannot remove your own TENANT_ADMIN role/, '不能移除自己的管理员角色：请另一位管理员操作，以免本单位没有管理员'],
  [/left without an active TENANT_ADMIN/, '本单位将没有启用中的管理员：请先将管理员角色授予另一位用户'],
  [/roles cannot be removed/, '用户至少要有一个角色'],
  [/displayName cannot be removed/, '请填写姓名'],
  [/stations are granted to a STATION_OPERATOR only/, '只有站点运营人员可以授予站点'],
];

function inWords(errors: readonly ApiUserError[] | undefined, zh: boolean): readonly ApiUserError[] | undefined {
  if (!zh || !errors) return errors;
  return errors.map((e) => {
    const known = REFUSALS.find(([pattern]) => pattern.test(e.message));
    return known ? { ...e, message: known[1] } : e;
  });
}

/**
 * A user's name, roles and, for a STATION_OPERATOR, the stations it may edit: the roles and the
 * stations are sent whole, as the API replaces them, and a user without the operator's role is
 * left with no station.
 */
function EditUserDialog({ user, self, onClose }: { user: User; self: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, update] = useMutation(UpdateUser);
  const [{ data, fetching }] = useQuery({ query: GrantableStations });
  const stations = data?.stations.edges.map((e) => e.node) ?? [];
  return (
    <FormDialog title={t(`编辑用户 ${user.username}`, `Edit user ${user.username}`)} fields={['displayName', 'roles', 'stationIds']}
      testId="user-edit-form" done={t('已更新', 'Updated')} onClose={onClose}
      initialValues={{ displayName: user.displayName, roles: user.roles, stationIds: user.stations.map((s) => s.id) }}
      submit={async (v) => {
        const roles = (v.roles ?? []) as Role[];
        const stationIds = roles.includes('STATION_OPERATOR') ? ((v.stationIds ?? []) as string[]) : [];
        const r = await update({ input: { id: user.id, version: user.version, displayName: v.displayName as string, roles, stationIds } });
        return { error: r.error, userErrors: inWords(r.data?.updateUser?.userErrors, lang === 'zh') };
      }}>
      {self && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={t('这是您自己的账号：角色变更后需要重新登录。', 'This is your own account: changed roles sign you out.')} />
      )}
      <Form.Item name="displayName" label={t('姓名', 'Display name')} rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter the name') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="roles" label={t('角色', 'Roles')} rules={[{ required: true, message: t('请至少选择一个角色', 'Choose at least one role') }]}>
        <Select mode="multiple" options={TENANT_ROLES.map((r) => ({ value: r, label: enumLabel(lang, ENUMS.userRole, r) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['roles']}>
        {({ getFieldValue }) => ((getFieldValue('roles') ?? []) as string[]).includes('STATION_OPERATOR') ? (
          <Form.Item name="stationIds" label={t('可编辑的站点', 'Stations granted')}
            extra={t('站点运营人员只能编辑这里选定的站点。', 'A station operator edits only the stations chosen here.')}>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={fetching} placeholder={t('未授予站点', 'No station granted')}
              notFoundContent={fetching ? t('加载中…', 'Loading…') : t('没有站点', 'No stations')}
              options={stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : null}
      </Form.Item>
    </FormDialog>
  );
}
