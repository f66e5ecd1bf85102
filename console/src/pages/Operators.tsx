import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ConsoleOperatorsQuery } from '../gql/graphql';
import { describeError } from '../api/errors';
import { userErrorMessage } from '../api/messages';
import { FormDialog } from '../components/FormDialog';
import { Pending } from '../components/Status';
import { CONTRACT_ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights } from '../session';

const OperatorsQuery = graphql(`
  query ConsoleOperators {
    operators {
      id name creditCode status registrationAuthority legalRepresentative contactPerson contactPhone registeredOn version
      contracts { id title status startsOn endsOn }
      staff { id name }
      latestEvaluation { id grade contractYear evaluatedOn }
    }
    contractGrades { code labelZh labelEn failing }
  }
`);

const RegisterOperator = graphql(`
  mutation ConsoleRegisterOperator($input: RegisterOperatorInput!) {
    registerOperator(input: $input) { operator { id name } userErrors { field code message } }
  }
`);

const UpdateOperator = graphql(`
  mutation ConsoleUpdateOperator($input: UpdateOperatorInput!) {
    updateOperator(input: $input) {
      operator { id name creditCode status registrationAuthority legalRepresentative contactPerson contactPhone registeredOn version }
      userErrors { field code message }
    }
  }
`);

// an empty list names no type the cache could tell a new operator invalidates
const OPERATOR_CONTEXT = { additionalTypenames: ['Operator'] };

const FIELDS = ['name', 'creditCode', 'registrationAuthority', 'registeredOn', 'legalRepresentative', 'contactPerson', 'contactPhone'] as const;
const EDITED = [...FIELDS, 'status'] as const;
const STATUSES = ['ACTIVE', 'SUSPENDED', 'DEREGISTERED'] as const;
const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', SUSPENDED: 'orange', DEREGISTERED: 'red' };

type Operator = ConsoleOperatorsQuery['operators'][number];

/** The bureau's operators (承接主体): their contracts, staff and latest grade; an administrator registers one. */
export default function Operators() {
  const { t, lang, label } = useI18n();
  const rights = useRights();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: OperatorsQuery, context: OPERATOR_CONTEXT });
  const [, register] = useMutation(RegisterOperator);
  const operators = data?.operators ?? [];
  const chosen = operators.find((o) => o.id === params.get('id'));
  const grade = (code?: string) => label(data?.contractGrades.find((g) => g.code === code)) || code || '';

  return (
    <>
      <Typography.Title level={2}>{t('承接主体', 'Operators')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        {rights.admin && <Button type="primary" data-testid="operator-register" onClick={() => setRegistering(true)}>{t('登记承接主体', 'Register an operator')}</Button>}
      </Space>
      <Pending fetching={fetching && !data} error={error} empty={!!data && operators.length === 0} />
      {operators.length > 0 && (
        <Table rowKey="id" dataSource={operators} pagination={false} data-testid="operators" scroll={{ x: true }}
          onRow={(o) => ({ onClick: () => setParams({ id: o.id }, { replace: true }), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('名称', 'Name'), dataIndex: 'name', render: (n: string, o) => <a href={`#${o.id}`} onClick={(e) => e.preventDefault()}>{n}</a> },
            { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode' },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{enumLabel(lang, CONTRACT_ENUMS.operatorStatus, s)}</Tag> },
            { title: t('合同数', 'Contracts'), render: (_, o) => o.contracts.length },
            { title: t('最近评估等级', 'Latest grade'), render: (_, o) => (o.latestEvaluation ? grade(o.latestEvaluation.grade) : '—') },
          ]} />
      )}
      {chosen && (
        <Card title={chosen.name} style={{ marginTop: 16 }} data-testid="operator"
          extra={rights.admin && (
            <Space wrap>
              <StatusButton operator={chosen} />
              <Button data-testid="operator-edit" onClick={() => setEditing(true)}>{t('修改登记信息', 'Edit the registration')}</Button>
            </Space>
          )}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'status', label: t('状态', 'Status'), children: (
              <Tag color={STATUS_COLOR[chosen.status]} data-testid="operator-status">{enumLabel(lang, CONTRACT_ENUMS.operatorStatus, chosen.status)}</Tag>) },
            { key: 'code', label: t('统一社会信用代码', 'Credit code'), children: chosen.creditCode },
            { key: 'authority', label: t('登记管理机关', 'Registration authority'), children: chosen.registrationAuthority ?? '—' },
            { key: 'registered', label: t('登记日期', 'Registered on'), children: chosen.registeredOn ?? '—' },
            { key: 'rep', label: t('法定代表人', 'Legal representative'), children: chosen.legalRepresentative ?? '—' },
            { key: 'contact', label: t('联系人', 'Contact'), children: [chosen.contactPerson, chosen.contactPhone].filter(Boolean).join(' ') || '—' },
            { key: 'grade', label: t('最近评估等级', 'Latest grade'), children: chosen.latestEvaluation
              ? `${grade(chosen.latestEvaluation.grade)}（${t('第', 'year ')}${chosen.latestEvaluation.contractYear}${t('年度，', ', ')}${chosen.latestEvaluation.evaluatedOn}）` : t('尚无评估', 'Not evaluated yet') },
          ]} />
          <Typography.Title level={5}>{t('服务合同', 'Contracts')}</Typography.Title>
          <List size="small" dataSource={chosen.contracts} locale={{ emptyText: t('暂无合同', 'No contracts') }}
            renderItem={(c) => <List.Item><Link to={`/contracts/${c.id}`}>{c.title}</Link> {c.startsOn}—{c.endsOn} · {enumLabel(lang, CONTRACT_ENUMS.contractStatus, c.status)}</List.Item>} />
          <Typography.Title level={5}>{t('工作人员', 'Staff')}</Typography.Title>
          <List size="small" dataSource={chosen.staff} locale={{ emptyText: t('尚未登记工作人员', 'No staff recorded') }}
            renderItem={(w) => <List.Item><Link to={`/workers/${w.id}`}>{w.name}</Link></List.Item>} />
        </Card>
      )}
      {editing && chosen && <EditOperatorDialog operator={chosen} onClose={() => setEditing(false)} />}
      {registering && (
        <FormDialog title={t('登记承接主体', 'Register an operator')} fields={FIELDS} testId="operator-form"
          done={t('已登记', 'Registered')} onClose={() => setRegistering(false)}
          submit={async (v) => {
            const r = await register({ input: v as never });
            return { error: r.error, userErrors: r.data?.registerOperator?.userErrors };
          }}>
          <RegistrationFields />
        </FormDialog>
      )}
    </>
  );
}

/**
 * Suspends an active operator or reactivates a suspended one, after a confirmation: a suspended
 * operator takes no new contract, and the contract form no longer offers it.
 */
function StatusButton({ operator }: { operator: Operator }) {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const [, update] = useMutation(UpdateOperator);
  const next = operator.status === 'ACTIVE' ? 'SUSPENDED' : operator.status === 'SUSPENDED' ? 'ACTIVE' : null;
  if (!next) return null;
  const suspending = next === 'SUSPENDED';
  const run = async () => {
    const r = await update({ input: { id: operator.id, version: operator.version, status: next } }, OPERATOR_CONTEXT);
    if (r.error) return void message.error(describeError(r.error, t));
    const errors = r.data?.updateOperator?.userErrors ?? [];
    if (errors.length) return void message.error(errors.map((e) => userErrorMessage(e, lang)).join('; '));
    message.success(suspending ? t('已暂停', 'Suspended') : t('已恢复正常', 'Reactivated'));
  };
  return (
    <Button danger={suspending} data-testid={suspending ? 'operator-suspend' : 'operator-reactivate'}
      onClick={() => modal.confirm({
        title: suspending ? t(`暂停 ${operator.name}？`, `Suspend ${operator.name}?`) : t(`恢复 ${operator.name}？`, `Reactivate ${operator.name}?`),
        content: suspending
          ? t('暂停后不能再承接新合同，已签订的合同不受影响。', 'A suspended operator takes no new contract; contracts already signed stay.')
          : t('恢复正常后可以再承接新合同。', 'Once active again it may take new contracts.'),
        okText: suspending ? t('暂停承接', 'Suspend') : t('恢复正常', 'Reactivate'),
        okButtonProps: { danger: suspending, 'data-testid': 'operator-status-ok' },
        cancelText: t('取消', 'Cancel'),
        onOk: run,
      })}>
      {suspending ? t('暂停承接', 'Suspend') : t('恢复正常', 'Reactivate')}
    </Button>
  );
}

/**
 * The operator's registration and status as they stand, to change: only the fields changed are
 * sent, a field emptied is sent as null (the API then clears it), and the version read goes
 * with them so that someone else's change in between is refused rather than overwritten.
 */
function EditOperatorDialog({ operator, onClose }: { operator: Operator; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [, update] = useMutation(UpdateOperator);
  return (
    <FormDialog title={t('修改承接主体登记信息', 'Edit the operator\'s registration')} fields={EDITED} testId="operator-edit-form"
      done={t('已保存', 'Saved')} onClose={onClose}
      initialValues={Object.fromEntries(EDITED.map((f) => [f, operator[f] ?? undefined]))}
      submit={async (v) => {
        const input: Record<string, unknown> = { id: operator.id, version: operator.version };
        for (const f of EDITED) {
          const now = v[f] ?? null;
          if (now !== (operator[f] ?? null)) input[f] = now;
        }
        const r = await update({ input: input as never }, OPERATOR_CONTEXT);
        return { error: r.error, userErrors: r.data?.updateOperator?.userErrors };
      }}>
      <Form.Item name="status" label={t('状态', 'Status')} rules={[{ required: true }]}>
        <Select options={STATUSES.map((s) => ({ value: s, label: enumLabel(lang, CONTRACT_ENUMS.operatorStatus, s) }))} />
      </Form.Item>
      <RegistrationFields />
    </FormDialog>
  );
}

/** An operator's registration, as it is registered and as it is corrected. */
function RegistrationFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Enter the name') }]}><Input /></Form.Item>
      <Form.Item name="creditCode" label={t('统一社会信用代码', 'Unified social credit code')}
        rules={[{ required: true, message: t('请填写统一社会信用代码', 'Enter the credit code') }]}><Input maxLength={18} /></Form.Item>
      <Form.Item name="registrationAuthority" label={t('登记管理机关', 'Registration authority')}><Input /></Form.Item>
      <Form.Item name="registeredOn" label={t('登记日期', 'Registered on')}><Input type="date" /></Form.Item>
      <Form.Item name="legalRepresentative" label={t('法定代表人', 'Legal representative')}><Input /></Form.Item>
      <Form.Item name="contactPerson" label={t('联系人', 'Contact person')}><Input /></Form.Item>
      <Form.Item name="contactPhone" label={t('联系电话', 'Contact phone')}><Input /></Form.Item>
    </>
  );
}
