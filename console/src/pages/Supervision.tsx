import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Input, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorAlert } from '../components/Status';
import { ENUMS, enumLabel, useI18n } from '../i18n';
import { useBureauToday } from '../session';

const SupervisionLoop = lazy(() => import('../components/year/SupervisionLoop'));

const CountsQuery = graphql(`
  query SupervisionCounts($from: Date!, $to: Date!) {
    supervisionCounts(from: $from, to: $to) { kind n }
  }
`);

const ChosenStation = graphql(`
  query SupervisionChosenStation($id: ID!) {
    node(id: $id) { __typename ... on Station { id name } }
  }
`);

const StationsForPicker = graphql(`
  query SupervisionStationPicker($text: String) {
    stations(first: 30, filter: { text: $text }) { edges { node { id code name } } }
  }
`);

/**
 * Supervision for the bureau: visits counted by kind over a period (Yangpu reports its year so),
 * and one station's loop of visits, findings, rectifications and re-inspections.
 */
export default function Supervision() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  // by default the bureau's calendar year, counted once its today is read
  const year = useBureauToday()?.slice(0, 4);
  const from = params.get('from') || (year ? `${year}-01-01` : '');
  const to = params.get('to') || (year ? `${year}-12-31` : '');
  const stationId = params.get('station') || undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // counted again whenever a visit is recorded, which the counts' own types would not tell the cache
  const context = useMemo(() => ({ additionalTypenames: ['SupervisionVisit'] }), []);
  const [{ data: counts, error: countsError }] = useQuery({ query: CountsQuery, variables: { from, to }, context, pause: !from || !to || to < from });
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setText(typed), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const [{ data: stations, fetching: searching }] = useQuery({ query: StationsForPicker, variables: { text: text || undefined } });
  // a station named by the address may lie beyond the picker's first page: its name comes on its own
  const [{ data: chosen }] = useQuery({ query: ChosenStation, variables: { id: stationId ?? '' }, pause: !stationId });
  const options = (stations?.stations.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }));
  if (chosen?.node?.__typename === 'Station' && !options.some((o) => o.value === stationId)) {
    options.unshift({ value: chosen.node.id, label: chosen.node.name });
  }

  return (
    <>
      <Typography.Title level={2}>{t('督导整改', 'Supervision')}</Typography.Title>
      <Card title={t('督导次数', 'Visits by kind')} style={{ marginBottom: 16 }} data-testid="supervision-counts"
        extra={<Space wrap>
          <Input type="date" aria-label={t('起始日期', 'From')} value={from} onChange={(e) => set('from', e.target.value)} style={{ width: 150 }} />
          <Input type="date" aria-label={t('截止日期', 'To')} value={to} onChange={(e) => set('to', e.target.value)} style={{ width: 150 }} />
        </Space>}>
        {countsError && <ErrorAlert error={countsError} />}
        <Row gutter={16}>
          {Object.keys(ENUMS.supervisionKind).map((kind) => (
            <Col key={kind} xs={24} sm={8}>
              <Statistic title={enumLabel(lang, ENUMS.supervisionKind, kind)} loading={!counts}
                value={counts?.supervisionCounts.find((c) => c.kind === kind)?.n ?? 0} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('站点的督导与整改', "A station's visits and rectifications")}
        extra={<Select showSearch allowClear filterOption={false} style={{ width: 280 }} aria-label={t('选择站点', 'Choose a station')}
          placeholder={t('输入名称搜索站点', 'Type to search a station')} loading={searching}
          value={stationId} onSearch={setTyped} onChange={(v) => set('station', v)}
          options={options} />}>
        {stationId
          ? <Suspense fallback={<Skeleton active />}><SupervisionLoop key={stationId} stationId={stationId} /></Suspense>
          : <Empty description={t('选择一个站点，查看和记录督导、整改与复查', 'Choose a station to see and record its visits, rectifications and re-inspections')} />}
      </Card>
    </>
  );
}
