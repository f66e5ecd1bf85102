import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ContractFormDialog } from '../components/ContractForm';
import { Pending } from '../components/Status';
import { CONTRACT_ENUMS, enumLabel, useI18n } from '../i18n';
import { useRights } from '../session';

const ContractsQuery = graphql(`
  query ConsoleContracts {
    contracts {
      id code title status startsOn endsOn years price
      operator { id name }
      stations { id name }
      findings { rule severity }
    }
  }
`);

// an empty list names no type the cache could tell a new contract invalidates
const CONTRACT_CONTEXT = { additionalTypenames: ['Contract'] };


/** The bureau's service contracts with where each stands and what its rules find; an administrator drafts one. */
export default function Contracts() {
  const { t, lang } = useI18n();
  const rights = useRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: ContractsQuery, context: CONTRACT_CONTEXT });
  const contracts = data?.contracts ?? [];

  return (
    <>
      <Typography.Title level={2}>{t('服务合同', 'Service contracts')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        {rights.admin && <Button type="primary" data-testid="contract-create" onClick={() => setCreating(true)}>{t('新建合同', 'New contract')}</Button>}
      </Space>
      <Pending fetching={fetching && !data} error={error} empty={!!data && contracts.length === 0} />
      {contracts.length > 0 && (
        <Table rowKey="id" dataSource={contracts} pagination={false} data-testid="contracts" scroll={{ x: true }}
          columns={[
            { title: t('合同', 'Contract'), dataIndex: 'title', render: (title: string, c) => <Link to={`/contracts/${c.id}`}>{title}</Link> },
            { title: t('承接主体', 'Operator'), render: (_, c) => c.operator.name },
            { title: t('站点', 'Stations'), render: (_, c) => c.stations.map((s) => s.name).join('、') },
            { title: t('期限', 'Term'), render: (_, c) => `${c.startsOn} — ${c.endsOn}` },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => enumLabel(lang, CONTRACT_ENUMS.contractStatus, s) },
            { title: t('发现问题', 'Findings'), render: (_, c) => {
              const faults = c.findings.filter((f) => f.severity !== 'INFO').length;
              return faults ? <Tag color="orange">{faults}</Tag> : <Tag color="green">0</Tag>;
            } },
          ]} />
      )}
      {creating && <ContractFormDialog onClose={(id) => { setCreating(false); if (id) navigate(`/contracts/${id}`); }} />}
    </>
  );
}
