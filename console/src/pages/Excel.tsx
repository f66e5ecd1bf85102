import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { download, exportPath, ExcelFailure, importWorkbook, type ImportAnswer } from '../api/excel';
import { useI18n } from '../i18n';
import { useRights, useSession } from '../session';

const KINDS = ['stations', 'workers', 'divisions', 'activities', 'funding'] as const;
// what the service lets a station's operator import: workers and activity records of its stations
const OPERATOR_KINDS: readonly (typeof KINDS)[number][] = ['workers', 'activities'];

export default function Excel() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const rights = useRights();
  const { session } = useSession();
  const importable = rights.importExcel ? KINDS : rights.editStations ? OPERATOR_KINDS : [];
  const [kind, setKind] = useState<(typeof KINDS)[number]>(importable[0] ?? 'stations');
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kindLabel = (k: string) => ({ stations: t('站点', 'Stations'), workers: t('社工', 'Workers'), divisions: t('区划', 'Divisions'), activities: t('服务记录', 'Activity records'), funding: t('资金台账', 'Funding ledger') })[k] ?? k;
  const fail = (e: unknown) => (e instanceof ExcelFailure ? `${e.message} (${e.status})` : String(e));

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const a = await importWorkbook(kind, file, dryRun);
      setAnswer(a);
      if (!dryRun && a.errors.length === 0) message.success(t(`已导入 ${a.written} 行`, `${a.written} rows imported`));
    } catch (e) {
      setProblem(fail(e));
    } finally {
      setBusy(false);
    }
  };
  const get = (path: string, name: string) => download(path, name).catch((e) => message.error(fail(e)));

  return (
    <>
      <Typography.Title level={2}>{t('Excel 导入导出', 'Excel import and export')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('下载模板', 'Templates')}>
            <Space wrap>
              {KINDS.map((k) => <Button key={k} onClick={() => get(`/excel/templates/${k}.xlsx`, `${k}-template.xlsx`)}>{kindLabel(k)}</Button>)}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('导出', 'Export')}>
            <Space wrap>
              <Button onClick={() => get(exportPath('stations', {}), 'stations.xlsx')}>{t('站点', 'Stations')}</Button>
              <Button onClick={() => get(exportPath('workers', {}), 'workers.xlsx')}>{t('社工', 'Workers')}</Button>
              <Button onClick={() => get(exportPath('findings', {}), 'findings.xlsx')}>{t('问题清单', 'Findings')}</Button>
              <Button onClick={() => get(exportPath('compliance-report', {}), 'compliance-report.xlsx')}>{t('合规报告', 'Compliance report')}</Button>
              <Button onClick={() => get(exportPath('activities', {}), 'activities.xlsx')}>{t('服务记录（本年）', 'Activity records (this year)')}</Button>
              {session.roles.some((r) => r !== 'STATION_OPERATOR') ? <Button onClick={() => get(exportPath('funding', {}), 'funding.xlsx')}>{t('资金台账', 'Funding ledger')}</Button> : null}
            </Space>
          </Card>
        </Col>
        {importable.length > 0 && (
          <Col xs={24}>
            <Card title={t('导入', 'Import')}>
              <Space wrap align="start">
                <Select aria-label={t('导入内容', 'What to import')} value={kind} style={{ width: 140 }}
                  onChange={(k) => { setKind(k); setAnswer(null); }} options={importable.map((k) => ({ value: k, label: kindLabel(k) }))} />
                <Upload accept=".xlsx,.csv" maxCount={1} beforeUpload={(f) => { setFile(f); setAnswer(null); return false; }}
                  onRemove={() => { setFile(null); setAnswer(null); }}
                  fileList={file ? [{ uid: '1', name: file.name, status: 'done' } as UploadFile] : []}>
                  <Button>{t('选择文件', 'Choose a file')}</Button>
                </Upload>
                <Button disabled={!file} loading={busy} onClick={() => run(true)}>{t('检查（不写入）', 'Check (dry run)')}</Button>
                <Button type="primary" data-testid="import-run" disabled={!file || !answer?.dryRun || answer.errors.length > 0}
                  loading={busy} onClick={() => run(false)}>
                  {t('导入', 'Import')}
                </Button>
              </Space>
              {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 16 }} />}
              {answer && (
                <div style={{ marginTop: 16 }}>
                  <Alert showIcon type={answer.errors.length ? 'warning' : 'success'}
                    title={answer.dryRun
                      ? t(`检查了 ${answer.rows} 行，${answer.errors.length} 个错误`, `${answer.rows} rows checked, ${answer.errors.length} errors`)
                      : t(`写入 ${answer.written} 行，${answer.errors.length} 个错误`, `${answer.written} rows written, ${answer.errors.length} errors`)} />
                  {answer.errors.length > 0 && (
                    <Table size="small" style={{ marginTop: 12 }} rowKey={(e) => `${e.row}-${e.column}-${e.message}`} dataSource={answer.errors}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { title: t('行', 'Row'), dataIndex: 'row' },
                        { title: t('列', 'Column'), dataIndex: 'column' },
                        { title: t('值', 'Value'), dataIndex: 'value' },
                        { title: t('问题', 'Problem'), render: (_, e) => (lang === 'zh' ? e.message : e.messageEn) },
                      ]} />
                  )}
                </div>
              )}
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
