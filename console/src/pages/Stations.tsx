import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useKeysetPages } from '../components/Pages';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { StationStatus } from '../gql/graphql';
import { ErrorAlert } from '../components/Status';
import { StatusTag } from '../components/Tags';
import { useLookups } from '../components/Lookups';
import { StationForm } from '../components/StationForm';
import { ENUMS, enumLabel, enumOptions, useI18n } from '../i18n';
import { useRights } from '../session';
import { download, exportPath } from '../api/excel';

const StationsQuery = graphql(`
  query StationList($filter: StationFilter, $first: Int, $after: String) {
    stations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id code name status operatingMode
          kind { code labelZh labelEn }
          division { id nameZh nameEn }
        }
      }
    }
  }
`);

const PAGE = 20;

export default function Stations() {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const rights = useRights();
  const navigate = useNavigate();
  const { kinds, divisions } = useLookups();
  const { params, setFilter, after, pager } = useKeysetPages();
  const [creating, setCreating] = useState(false);
  const filter = {
    status: (params.get('status') as StationStatus) || undefined,
    kind: params.get('kind') || undefined,
    divisionId: params.get('divisionId') || undefined,
    text: params.get('text') || undefined,
  };
  const [{ data, fetching, error }] = useQuery({
    query: StationsQuery,
    variables: { filter, first: PAGE, after },
  });
  const page = data?.stations;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2}>{t('站点', 'Stations')}</Typography.Title>
        <Space wrap>
          <Button onClick={() => download(exportPath('stations', filter), 'stations.xlsx').catch((e) => message.error(String(e.message)))}>
            {t('导出 Excel', 'Export to Excel')}
          </Button>
          {rights.admin && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('新建站点', 'New station')}
            </Button>
          )}
        </Space>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search aria-label={t('搜索站点', 'Search stations')} placeholder={t('名称或代码', 'Name or code')}
            defaultValue={filter.text} allowClear onSearch={(v) => setFilter('text', v)} style={{ width: 220 }} />
          <Select aria-label={t('区划', 'Division')} placeholder={t('区划', 'Division')} allowClear showSearch
            optionFilterProp="label" style={{ width: 200 }} value={filter.divisionId}
            options={divisions.map((d) => ({ value: d.id, label: lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh }))}
            onChange={(v) => setFilter('divisionId', v)} />
          <Select aria-label={t('站点类型', 'Kind')} placeholder={t('站点类型', 'Kind')} allowClear style={{ width: 180 }}
            value={filter.kind} options={kinds.map((k) => ({ value: k.code, label: label(k) }))}
            onChange={(v) => setFilter('kind', v)} />
          <Select aria-label={t('状态', 'Status')} placeholder={t('状态', 'Status')} allowClear style={{ width: 140 }}
            value={filter.status} options={enumOptions(lang, ENUMS.stationStatus)} onChange={(v) => setFilter('status', v)} />
        </Space>
      </Card>
      {error && <ErrorAlert error={error} />}
      <Table
        rowKey={(s) => s.id}
        loading={fetching}
        dataSource={page?.edges.map((e) => e.node) ?? []}
        scroll={{ x: 720 }}
        // said only once the answer is in, not while the next page loads
        locale={{ emptyText: fetching ? ' ' : t('没有符合条件的站点', 'No stations match') }}
        pagination={false}
        columns={[
          { title: t('代码', 'Code'), dataIndex: 'code' },
          { title: t('名称', 'Name'), render: (_, s) => <Link to={`/stations/${encodeURIComponent(s.id)}`}>{s.name}</Link> },
          { title: t('类型', 'Kind'), render: (_, s) => label(s.kind) },
          { title: t('区划', 'Division'), render: (_, s) => (lang === 'zh' ? s.division.nameZh : s.division.nameEn || s.division.nameZh) },
          { title: t('运营方式', 'Operating mode'), render: (_, s) => enumLabel(lang, ENUMS.operatingMode, s.operatingMode) },
          { title: t('状态', 'Status'), render: (_, s) => <StatusTag status={s.status} /> },
        ]}
      />
      {pager(page)}
      {creating && (
        <StationForm onClose={() => setCreating(false)}
          onSaved={(id) => { setCreating(false); navigate(`/stations/${encodeURIComponent(id)}`); }} />
      )}
    </>
  );
}
