import { useMemo } from 'react';
import { Card, Col, Input, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Pending } from '../components/Status';
import { SeverityTag } from '../components/Tags';
import { useLookups } from '../components/Lookups';
import { DUE_COLOR } from '../components/year/DueItems';
import { ENUMS, enumLabel, useI18n } from '../i18n';

const CalendarQuery = graphql(`
  query BureauCalendar($from: Date, $to: Date, $filter: DueItemFilter) {
    dueItems(from: $from, to: $to, filter: $filter) {
      milestone labelZh labelEn responsible year dueOn window status severity source
      station { id name kind { code labelZh labelEn } }
      division { id nameZh nameEn }
      completion { doneOn recordedBy }
      contract { id } operator { id name } periodStart report { submittedOn }
    }
  }
`);

/**
 * The bureau's calendar: what is overdue and what falls due, by default from a year back (so every
 * item still overdue shows) to 30 days ahead, and who is late. Filters live in the address, so a
 * view can be shared.
 */
export default function Calendar() {
  const { t, lang, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const { kinds, divisions } = useLookups();
  const from = params.get('from') || undefined;
  const to = params.get('to') || undefined;
  const divisionId = params.get('division') || undefined;
  const kind = params.get('kind') || undefined;
  const showDone = params.get('done') === '1';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const [{ data, fetching, error }] = useQuery({
    query: CalendarQuery,
    variables: { from, to, filter: divisionId ? { divisionId } : undefined },
  });
  const items = useMemo(
    () =>
      (data?.dueItems ?? [])
        .filter((i) => showDone || i.status !== 'DONE')
        // a station kind narrows to those stations' items: the bureau's and the divisions' own are no kind's
        .filter((i) => !kind || i.station?.kind.code === kind)
        .sort((a, b) => Number(b.status === 'OVERDUE') - Number(a.status === 'OVERDUE') || a.dueOn.localeCompare(b.dueOn)),
    [data, showDone, kind],
  );
  const party = (i: (typeof items)[number]) =>
    i.station ? i.station.name : i.division ? (lang === 'zh' ? i.division.nameZh : i.division.nameEn || i.division.nameZh)
      : i.operator ? i.operator.name : t('民政局', 'The bureau');
  // who is late: each party with its overdue items
  const late = useMemo(() => {
    const by = new Map<string, { name: string; stationId?: string; n: number }>();
    for (const i of items.filter((x) => x.status === 'OVERDUE')) {
      const key = i.station?.id ?? i.division?.id ?? i.operator?.id ?? 'bureau';
      const entry = by.get(key) ?? { name: party(i), stationId: i.station?.id, n: 0 };
      entry.n += 1;
      by.set(key, entry);
    }
    return [...by.values()].sort((a, b) => b.n - a.n);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, lang]);
  const overdue = items.filter((i) => i.status === 'OVERDUE').length;
  const due = items.filter((i) => i.status === 'DUE').length;

  return (
    <>
      <Typography.Title level={2}>{t('时间节点', 'Calendar')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>{t('自', 'From')} <Input type="date" aria-label={t('起始日期', 'From')} value={from ?? ''} onChange={(e) => set('from', e.target.value)} style={{ width: 150 }} /></label>
        <label>{t('至', 'to')} <Input type="date" aria-label={t('截止日期', 'To')} value={to ?? ''} onChange={(e) => set('to', e.target.value)} style={{ width: 150 }} /></label>
        <Select allowClear aria-label={t('区划', 'Division')} placeholder={t('全部区划', 'All divisions')} style={{ width: 180 }}
          value={divisionId} onChange={(v) => set('division', v)} showSearch optionFilterProp="label"
          options={divisions.map((d) => ({ value: d.id, label: lang === 'zh' ? d.nameZh : d.nameEn || d.nameZh }))} />
        <Select allowClear aria-label={t('站点类型', 'Station kind')} placeholder={t('全部站点类型', 'All station kinds')} style={{ width: 200 }}
          value={kind} onChange={(v) => set('kind', v)} options={kinds.map((k) => ({ value: k.code, label: label(k) }))} />
        <label><Switch size="small" checked={showDone} onChange={(v) => set('done', v ? '1' : undefined)} /> {t('显示已完成', 'Show done')}</label>
      </Space>
      {!from && !to && (
        <Typography.Paragraph type="secondary">
          {t('默认显示一年内仍逾期的事项和今后 30 天内到期的事项。', 'By default: what is still overdue from the past year, and what falls due in the next 30 days.')}
        </Typography.Paragraph>
      )}
      {!data ? <Pending fetching={fetching} error={error} /> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card>
              <Space size="large">
                <Statistic title={t('已逾期', 'Overdue')} value={overdue} />
                <Statistic title={t('待完成', 'Due')} value={due} />
              </Space>
            </Card>
            <Card title={t('逾期单位', 'Who is late')} style={{ marginTop: 16 }} data-testid="late">
              {late.length === 0 ? <Typography.Text type="secondary">{t('没有逾期', 'No one is late')}</Typography.Text> : late.map((l) => (
                <div key={l.name} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}>
                  {l.stationId ? <Link to={`/stations/${encodeURIComponent(l.stationId)}`}>{l.name}</Link> : <span>{l.name}</span>}
                  <Tag color="red">{t(`${l.n} 项`, `${l.n}`)}</Tag>
                </div>
              ))}
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Table size="small" rowKey={(i) => `${i.milestone}/${i.year}/${i.station?.id ?? i.division?.id ?? i.contract?.id ?? 'bureau'}/${i.periodStart ?? ''}`} dataSource={items}
              scroll={{ x: 700 }} pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: t('这段时间没有到期的事项', 'Nothing falls due in this window') }}
              columns={[
                { title: t('截止', 'Due'), dataIndex: 'dueOn', width: 110 },
                {
                  title: t('状态', 'Status'),
                  render: (_, i) => <Space size={4}><Tag color={DUE_COLOR[i.status]}>{enumLabel(lang, ENUMS.dueStatus, i.status)}</Tag>{i.status === 'OVERDUE' && <SeverityTag severity={i.severity} />}</Space>,
                },
                { title: t('事项', 'What'), render: (_, i) => <>{lang === 'zh' ? i.labelZh : i.labelEn}{i.source && <div><Typography.Text type="secondary">{t('依据', 'Source')} {i.source}</Typography.Text></div>}</> },
                {
                  title: t('责任方', 'Who'),
                  render: (_, i) => (i.station ? <Link to={`/stations/${encodeURIComponent(i.station.id)}`}>{i.station.name}</Link> : party(i)),
                },
                { title: t('完成', 'Done'), render: (_, i) => (i.completion ? `${i.completion.doneOn} · ${i.completion.recordedBy}` : i.report ? i.report.submittedOn : '—') },
              ]} />
          </Col>
        </Row>
      )}
    </>
  );
}
