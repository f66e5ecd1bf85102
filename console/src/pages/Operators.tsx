import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, List, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { FormDialog } from '../components/FormDialog';
import { Pending } from '../components/Status';
import { CONTRACT_ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights } from '../session';

const OperatorsQuery = graphql(`
  query ConsoleOperators {
    operators {
      id name creditCode status legalRepresentative contactPerson contactPhone registeredOn
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

// an empty list names no type the cache could tell a new operator invalidates
const OPERATOR_CONTEXT = { additionalTypenames: ['Operator'] };

const FIELDS = ['name', 'creditCode', 'registrationAuthority', 'registeredOn', 'legalRepresentative', 'contactPerson', 'contactPhone'] as const;

/** The bureau's operators (承接主体): their contracts, staff and latest grade; an administrator registers one. */
export default function Operators() {
  const { t, lang, label } = useI18n();
  const rights = useRights();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
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
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => enumLabel(lang, CONTRACT_ENUMS.operatorStatus, s) },
            { title: t('合同数', 'Contracts'), render: (_, o) => o.contracts.length },
            { title: t('最近评估等级', 'Latest grade'), render: (_, o) => (o.latestEvaluation ? grade(o.latestEvaluation.grade) : '—') },
          ]} />
      )}
      {chosen && (
        <Card title={chosen.name} style={{ marginTop: 16 }} data-testid="operator">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'code', label: t('统一社会信用代码', 'Credit code'), children: chosen.creditCode },
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
      {registering && (
        <FormDialog title={t('登记承接主体', 'Register an operator')} fields={FIELDS} testId="operator-form"
          done={t('已登记', 'Registered')} onClose={() => setRegistering(false)}
          submit={async (v) => {
            const r = await register({ input: v as never });
            return { error: r.error, userErrors: r.data?.registerOperator?.userErrors };
          }}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Enter the name') }]}><Input /></Form.Item>
          <Form.Item name="creditCode" label={t('统一社会信用代码', 'Unified social credit code')}
            rules={[{ required: true, message: t('请填写统一社会信用代码', 'Enter the credit code') }]}><Input maxLength={18} /></Form.Item>
          <Form.Item name="registrationAuthority" label={t('登记管理机关', 'Registration authority')}><Input /></Form.Item>
          <Form.Item name="registeredOn" label={t('登记日期', 'Registered on')}><Input type="date" /></Form.Item>
          <Form.Item name="legalRepresentative" label={t('法定代表人', 'Legal representative')}><Input /></Form.Item>
          <Form.Item name="contactPerson" label={t('联系人', 'Contact person')}><Input /></Form.Item>
          <Form.Item name="contactPhone" label={t('联系电话', 'Contact phone')}><Input /></Form.Item>
        </FormDialog>
      )}
    </>
  );
}
