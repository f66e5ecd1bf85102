import { useState } from 'react';
import { Alert, App, Button, Divider, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { describeError } from '../api/errors';
import { FormDialog } from '../components/FormDialog';
import { Pending } from '../components/Status';
import { useI18n } from '../i18n';
import { useRights } from '../session';

const TenantsQuery = graphql(`
  query Tenants($after: String) {
    tenants(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id code nameZh nameEn level region timeZone active createdAt } }
    }
  }
`);

const CreateTenant = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant { id code active }
      administrator { id username }
      oneTimePassword
      userErrors { field code message }
    }
  }
`);

const DeactivateTenant = graphql(`
  mutation DeactivateTenant($input: DeactivateTenantInput!) {
    deactivateTenant(input: $input) { tenant { id active } userErrors { field code message } }
  }
`);

const ReactivateTenant = graphql(`
  mutation ReactivateTenant($input: ReactivateTenantInput!) {
    reactivateTenant(input: $input) { tenant { id active } userErrors { field code message } }
  }
`);

const LEVEL: Record<string, readonly [string, string]> = {
  DISTRICT: ['区县', 'District'],
  CITY: ['市', 'City'],
};

/** The platform administrator's page: the bureaus using the service, new ones, and switching them off and on. */
export default function Tenants() {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const rights = useRights();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }] = useQuery({ query: TenantsQuery, variables: { after: cursors[cursors.length - 1] }, pause: !rights.platform });
  const [, deactivate] = useMutation(DeactivateTenant);
  const [, reactivate] = useMutation(ReactivateTenant);
  const [, create] = useMutation(CreateTenant);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  if (!rights.platform) return <Alert type="warning" showIcon title={t('仅平台管理员可管理租户。', 'Only platform administrators manage tenants.')} />;
  if (!data) return <Pending fetching={fetching} error={error} />;

  const showOneTime = (username: string, password: string) =>
    modal.info({
      title: t('首位管理员的一次性密码', "The first administrator's one-time password"),
      content: (
        <>
          <Typography.Paragraph>
            {t(`请将此密码告知 ${username}。它只显示这一次，首次登录后须更改。`,
              `Give this password to ${username}. It is shown this once and must be changed at first sign-in.`)}
          </Typography.Paragraph>
          <Typography.Text code copyable data-testid="one-time-password">{password}</Typography.Text>
        </>
      ),
      okText: t('知道了', 'OK'),
    });

  const switchActive = async (id: string, active: boolean) => {
    setBusy(id);
    const r = active
      ? await reactivate({ input: { id } }).then((x) => ({ error: x.error, errors: x.data?.reactivateTenant?.userErrors ?? [] }))
      : await deactivate({ input: { id } }).then((x) => ({ error: x.error, errors: x.data?.deactivateTenant?.userErrors ?? [] }));
    setBusy(null);
    const errors = r.errors;
    if (r.error) message.error(describeError(r.error, t));
    else if (errors.length) message.error(errors.map((e) => e.message).join('; '));
    else message.success(active ? t('已重新启用', 'Reactivated') : t('已停用', 'Deactivated'));
  };

  const page = data.tenants;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('租户', 'Tenants')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>{t('新建租户', 'New tenant')}</Button>
      </Space>
      <Table rowKey="id" loading={fetching} pagination={false} scroll={{ x: 720 }}
        dataSource={page.edges.map((e) => e.node)}
        locale={{ emptyText: t('还没有租户', 'No tenants yet') }}
        columns={[
          { title: t('代码', 'Code'), dataIndex: 'code' },
          { title: t('名称', 'Name'), render: (_, x) => (lang === 'zh' ? x.nameZh : x.nameEn) },
          { title: t('级别', 'Level'), render: (_, x) => LEVEL[x.level]?.[lang === 'zh' ? 0 : 1] ?? x.level },
          { title: t('地区', 'Region'), dataIndex: 'region' },
          { title: t('时区', 'Time zone'), dataIndex: 'timeZone' },
          { title: t('状态', 'Status'), render: (_, x) => (x.active ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag color="red">{t('已停用', 'Deactivated')}</Tag>) },
          { title: t('创建时间', 'Created'), render: (_, x) => x.createdAt.slice(0, 10) },
          {
            title: t('操作', 'Actions'),
            render: (_, x) => x.active ? (
              <Button size="small" danger loading={busy === x.id}
                onClick={() => modal.confirm({
                  title: t(`停用 ${x.nameZh}？`, `Deactivate ${x.nameEn}?`),
                  content: t('停用后该租户的所有用户将无法使用系统，可随时重新启用。', "Its users lose access until it is reactivated."),
                  okText: t('停用', 'Deactivate'), cancelText: t('取消', 'Cancel'), okButtonProps: { danger: true },
                  onOk: () => switchActive(x.id, false),
                })}>
                {t('停用', 'Deactivate')}
              </Button>
            ) : (
              <Button size="small" loading={busy === x.id} onClick={() => switchActive(x.id, true)}>{t('重新启用', 'Reactivate')}</Button>
            ),
          },
        ]} />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>{t('上一页', 'Previous')}</Button>
        <Button disabled={!page.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}>{t('下一页', 'Next')}</Button>
      </Space>
      {creating && (
        <FormDialog title={t('新建租户', 'New tenant')} onClose={() => setCreating(false)} done={t('租户已创建', 'Tenant created')}
          fields={['code', 'nameZh', 'nameEn', 'level', 'region', 'timeZone', 'username', 'displayName']}
          initialValues={{ level: 'DISTRICT' }} testId="tenant-form"
          submit={async (v) => {
            const { username, displayName, ...tenant } = v as Record<string, string>;
            const input = { ...tenant, ...(username || displayName ? { administrator: { username, displayName } } : {}) };
            const r = await create({ input: input as never });
            const payload = r.data?.createTenant;
            if (payload?.oneTimePassword && payload.administrator) showOneTime(payload.administrator.username, payload.oneTimePassword);
            return { error: r.error, userErrors: payload?.userErrors };
          }}>
          <Form.Item name="code" label={t('租户代码', 'Tenant code')} rules={[{ required: true }]}
            extra={t('小写字母开头，2–40 个字母、数字、_ 或 -', 'Lower case, 2–40 letters, digits, _ or -, starting with a letter')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('中文名称', 'Name in Chinese')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="nameEn" label={t('英文名称', 'Name in English')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="level" label={t('级别', 'Level')} rules={[{ required: true }]}>
            <Select options={Object.entries(LEVEL).map(([value, pair]) => ({ value, label: pair[lang === 'zh' ? 0 : 1] }))} />
          </Form.Item>
          <Form.Item name="region" label={t('地区', 'Region')} rules={[{ required: true }]}><Input maxLength={200} placeholder="江苏省南京市" /></Form.Item>
          <Form.Item name="timeZone" label={t('时区', 'Time zone')} extra={t('留空为 Asia/Shanghai；创建后不可更改', 'Asia/Shanghai when empty; set once')}>
            <Input placeholder="Asia/Shanghai" />
          </Form.Item>
          <Divider plain>{t('首位管理员（使用自有身份认证的单位可不填）', 'First administrator (leave empty for a bureau with its own identity provider)')}</Divider>
          <Form.Item name="username" label={t('管理员用户名', 'Administrator username')}><Input maxLength={64} /></Form.Item>
          <Form.Item name="displayName" label={t('管理员姓名', 'Administrator name')}><Input maxLength={200} /></Form.Item>
        </FormDialog>
      )}
    </>
  );
}
