import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useKeysetPages } from '../components/Pages';
import { useRights } from '../session';
import { WorkerForm } from '../components/WorkerForm';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { CertificateLevel } from '../gql/graphql';
import { ErrorAlert } from '../components/Status';
import { ENUMS, enumLabel, enumOptions, useI18n } from '../i18n';
import { download, exportPath } from '../api/excel';

const WorkersQuery = graphql(`
  query WorkerList($filter: WorkerFilter, $first: Int, $after: String) {
    workers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id name educationLevel certificateLevel fullTime socialWorkYears
          currentAssignments { id role station { id name } }
        }
      }
    }
  }
`);

const PAGE = 20;

export default function Workers() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { params, setFilter, after, pager } = useKeysetPages();
  const rights = useRights();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const filter = {
    text: params.get('text') || undefined,
    certificateLevel: (params.get('certificateLevel') as CertificateLevel) || undefined,
    stationId: params.get('stationId') || undefined,
  };
  const [{ data, fetching, error }] = useQuery({ query: WorkersQuery, variables: { filter, first: PAGE, after } });
  const page = data?.workers;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('社工', 'Workers')}</Typography.Title>
        <Space>
          {rights.registerWorkers && <Button type="primary" onClick={() => setRegistering(true)}>{t('登记社工', 'Register a worker')}</Button>}
          <Button onClick={() => download(exportPath('workers', filter), 'workers.xlsx').catch((e) => message.error(String(e.message)))}>
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        </Space>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search aria-label={t('搜索社工', 'Search workers')} placeholder={t('姓名', 'Name')} allowClear
            defaultValue={filter.text} onSearch={(v) => setFilter('text', v)} style={{ width: 220 }} />
          <Select aria-label={t('证书等级', 'Certificate')} placeholder={t('证书等级', 'Certificate')} allowClear style={{ width: 160 }}
            value={filter.certificateLevel} options={enumOptions(lang, ENUMS.certificate)} onChange={(v) => setFilter('certificateLevel', v)} />
        </Space>
      </Card>
      {error && <ErrorAlert error={error} />}
      <Table rowKey="id" loading={fetching} pagination={false} scroll={{ x: 640 }}
        dataSource={page?.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: fetching ? ' ' : t('没有符合条件的社工', 'No workers match') }}
        columns={[
          { title: t('姓名', 'Name'), render: (_, w) => <Link to={`/workers/${encodeURIComponent(w.id)}`}>{w.name}</Link> },
          { title: t('学历', 'Education'), render: (_, w) => enumLabel(lang, ENUMS.education, w.educationLevel) },
          { title: t('证书', 'Certificate'), render: (_, w) => enumLabel(lang, ENUMS.certificate, w.certificateLevel) },
          { title: t('社工年限', 'Years in social work'), dataIndex: 'socialWorkYears' },
          { title: t('当前岗位', 'Current posts'), render: (_, w) => w.currentAssignments.map((a) => (
            <div key={a.id}><Link to={`/stations/${encodeURIComponent(a.station.id)}`}>{a.station.name}</Link> · {enumLabel(lang, ENUMS.assignmentRole, a.role)}</div>
          )) },
        ]} />
      {pager(page, '人')}
      {registering && <WorkerForm onClose={() => setRegistering(false)} onSaved={(id) => navigate(`/workers/${encodeURIComponent(id)}`)} />}
    </>
  );
}
