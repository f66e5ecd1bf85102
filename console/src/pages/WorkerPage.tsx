import { useState } from 'react';
import { Button, Card, Col, Descriptions, Form, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormDialog } from '../components/FormDialog';
import { graphql } from '../gql';
import { NotFoundResult, Pending } from '../components/Status';
import { SeverityTag } from '../components/Tags';
import { ENUMS, enumLabel, useI18n } from '../i18n';
import { useBureauToday, useRights } from '../session';
import { TrainingForm, WorkerForm } from '../components/WorkerForm';
import Designations from '../components/Designations';

const WorkerQuery = graphql(`
  query WorkerPage($id: ID!, $personal: Boolean!) {
    node(id: $id) {
      __typename
      ... on SocialWorker {
        id version name educationLevel educationMajor certificateLevel certificateDate
        birthDate @include(if: $personal)
        phone @include(if: $personal)
        idNumber @include(if: $personal)
        currentAssignments { id station { id } }
        employer { id name }
        socialWorkYears communityWorkYears lastRecordCheckOn fullTime
        trainingHours
        trainingRecords { id topic provider hours completedOn }
        assignmentHistory { id role startsOn endsOn fullTime current station { id name } }
        qualification {
          rule labelZh labelEn severity source satisfied satisfiedBy evaluationError
          alternatives { code labelZh labelEn satisfied failingZh failingEn }
        }
      }
    }
  }
`);

const EmployerChoices = graphql(`
  query WorkerEmployerChoices { operators { id name status } }
`);

const SetEmployer = graphql(`
  mutation SetWorkerEmployer($input: SetWorkerEmployerInput!) {
    setWorkerEmployer(input: $input) { workerId employer { id name } userErrors { field code message } }
  }
`);

export default function WorkerPage() {
  const { id = '' } = useParams();
  const { t, lang, label } = useI18n();
  const rights = useRights();
  const today = useBureauToday() ?? undefined;
  const [dialog, setDialog] = useState<'edit' | 'training' | 'employer' | null>(null);
  // personal fields are asked only by those allowed to read them: for anyone else the service refuses them
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkerQuery, variables: { id, personal: rights.personalFields } });
  if (!data) return <Pending fetching={fetching} error={error} />;
  const w = data.node?.__typename === 'SocialWorker' ? data.node : null;
  if (!w) return <NotFoundResult />;
  const editable = rights.canEditWorker(w.currentAssignments.map((a) => a.station.id));
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>{w.name}</Typography.Title>
        {editable && (
          <Space>
            <Button onClick={() => setDialog('edit')}>{t('编辑', 'Edit')}</Button>
            <Button type="primary" onClick={() => setDialog('training')}>{t('添加培训记录', 'Add training')}</Button>
          </Space>
        )}
      </Space>
      <div style={{ height: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('基本信息', 'Details')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('学历', 'Education')}>
                {enumLabel(lang, ENUMS.education, w.educationLevel)} {w.educationMajor ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('证书', 'Certificate')}>
                {enumLabel(lang, ENUMS.certificate, w.certificateLevel)} {w.certificateDate ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('社工年限', 'Years in social work')}>{w.socialWorkYears}</Descriptions.Item>
              <Descriptions.Item label={t('社区工作年限', 'Years in community work')}>{w.communityWorkYears}</Descriptions.Item>
              <Descriptions.Item label={t('用人单位（承接主体）', 'Employer (operator)')}>
                <Space wrap>
                  <span data-testid="worker-employer">
                    {w.employer ? <Link to={`/operators?id=${encodeURIComponent(w.employer.id)}`}>{w.employer.name}</Link> : t('未登记', 'Not recorded')}
                  </span>
                  {rights.admin && <Button size="small" type="link" data-testid="worker-employer-set" onClick={() => setDialog('employer')}>{t('设置用人单位', 'Set the employer')}</Button>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('专职', 'Full-time')}>{w.fullTime ? t('是', 'Yes') : t('否', 'No')}</Descriptions.Item>
              <Descriptions.Item label={t('无犯罪记录核查', 'Criminal record check')}>{w.lastRecordCheckOn ?? '—'}</Descriptions.Item>
              {w.birthDate && <Descriptions.Item label={t('出生日期', 'Born')}>{w.birthDate}</Descriptions.Item>}
              {w.phone && <Descriptions.Item label={t('电话', 'Phone')}>{w.phone}</Descriptions.Item>}
              {w.idNumber && <Descriptions.Item label={t('身份证号', 'Resident id number')}>{w.idNumber}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('任职资格', 'Qualification')}>
            {w.qualification.length === 0 && <Typography.Text type="secondary">{t('没有适用的资格规则', 'No qualification rule applies')}</Typography.Text>}
            {w.qualification.map((q) => (
              <div key={q.rule} style={{ marginBottom: 16 }} data-testid="qualification">
                <Space wrap>
                  {q.satisfied ? <Tag color="green">{t('符合', 'Qualifies')}</Tag> : <SeverityTag severity={q.severity} />}
                  <Typography.Text strong>{label(q)}</Typography.Text>
                  {q.source && <Typography.Text type="secondary">{q.source}</Typography.Text>}
                </Space>
                {q.evaluationError && <div><Typography.Text type="danger">{q.evaluationError}</Typography.Text></div>}
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {q.alternatives.map((a) => (
                    <li key={a.code}>
                      {a.satisfied ? '✔ ' : '✘ '}{label(a)}
                      {a.code === q.satisfiedBy && <Tag color="green" style={{ marginLeft: 8 }}>{t('依此符合', 'holds')}</Tag>}
                      {!a.satisfied && (lang === 'zh' ? a.failingZh : a.failingEn).length > 0 && (
                        <Typography.Text type="secondary">
                          {t('：未满足 ', ': fails ')}{(lang === 'zh' ? a.failingZh : a.failingEn).join(t('；', '; '))}
                        </Typography.Text>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t(`培训记录（共 ${w.trainingHours} 学时）`, `Training (${w.trainingHours} hours in all)`)}>
            <Table size="small" rowKey="id" pagination={false} dataSource={w.trainingRecords}
              locale={{ emptyText: t('没有培训记录', 'No training on record') }}
              columns={[
                { title: t('主题', 'Topic'), dataIndex: 'topic' },
                { title: t('机构', 'Provider'), dataIndex: 'provider' },
                { title: t('学时', 'Hours'), dataIndex: 'hours' },
                { title: t('完成日期', 'Completed'), dataIndex: 'completedOn' },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('岗位', 'Posts')}>
            <Table size="small" rowKey="id" pagination={false} dataSource={w.assignmentHistory}
              locale={{ emptyText: t('没有岗位', 'No posts') }}
              columns={[
                { title: t('站点', 'Station'), render: (_, a) => <Link to={`/stations/${encodeURIComponent(a.station.id)}`}>{a.station.name}</Link> },
                { title: t('岗位', 'Post'), render: (_, a) => enumLabel(lang, ENUMS.assignmentRole, a.role) },
                { title: t('起止', 'Period'), render: (_, a) => `${a.startsOn} – ${a.endsOn ?? ''}` },
                { title: t('在岗', 'Current'), render: (_, a) => (a.current ? <Tag color="green">{t('在岗', 'Current')}</Tag> : <Tag>{t('已结束', 'Ended')}</Tag>) },
              ]} />
          </Card>
        </Col>
        <Col xs={24}>
          <Designations subject="worker" id={w.id} today={today} />
        </Col>
      </Row>
      {dialog === 'edit' && <WorkerForm worker={w} onClose={() => setDialog(null)} />}
      {dialog === 'training' && <TrainingForm workerId={w.id} onClose={() => setDialog(null)} />}
      {dialog === 'employer' && (
        <EmployerDialog workerId={w.id} employerId={w.employer?.id}
          onClose={() => { setDialog(null); refetch({ requestPolicy: 'network-only' }); }} />
      )}
    </>
  );
}

/** Which operator employs the worker, what the no-subcontracting rule reads; left blank, the record is cleared. */
function EmployerDialog({ workerId, employerId, onClose }: { workerId: string; employerId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: EmployerChoices });
  const [, setEmployer] = useMutation(SetEmployer);
  // a suspended operator may still employ the worker it has; only the current one is kept as it is
  const operators = (data?.operators ?? []).filter((o) => o.status === 'ACTIVE' || o.id === employerId);
  return (
    <FormDialog title={t('设置用人单位', 'Set the employer')} fields={['operatorId']} testId="employer-form"
      initialValues={{ operatorId: employerId }} done={t('用人单位已更新', 'Employer updated')} onClose={onClose}
      submit={async (v) => {
        const r = await setEmployer({ input: { id: workerId, operatorId: (v.operatorId as string | undefined) ?? null } });
        return { error: r.error, userErrors: r.data?.setWorkerEmployer?.userErrors };
      }}>
      <Form.Item name="operatorId" label={t('承接主体', 'Operator')} extra={t('清空后保存即清除记录', 'Save it blank to clear the record')}>
        <Select allowClear showSearch optionFilterProp="label" loading={!data} options={operators.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
    </FormDialog>
  );
}
