import { Alert, Empty, Result, Skeleton } from 'antd';
import type { CombinedError } from 'urql';
import { describeError, errorCode } from '../api/errors';
import { useI18n } from '../i18n';

/** A failed request in words: what a person reads instead of a blank page. */
export function ErrorAlert({ error }: { error: CombinedError }) {
  const { t } = useI18n();
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }}
      title={errorCode(error) === 'FORBIDDEN' ? t('无权访问', 'Not allowed') : t('请求失败', 'The request failed')}
      description={describeError(error, t)} />
  );
}

/** Loading, failure or nothing yet: the three states every page shows before its data. */
export function Pending({ fetching, error, empty }: { fetching: boolean; error?: CombinedError; empty?: boolean }) {
  const { t } = useI18n();
  if (error) return <ErrorAlert error={error} />;
  if (fetching) return <Skeleton active aria-busy="true" aria-label={t('加载中', 'Loading')} />;
  if (empty) return <Empty description={t('暂无数据', 'Nothing here yet')} />;
  return null;
}

export function NotFoundResult() {
  const { t } = useI18n();
  return (
    <Result status="404" title={t('未找到', 'Not found')} data-testid="not-found"
      subTitle={t('该记录不存在，或不属于您的单位。', 'There is no such record, or it belongs to another bureau.')} />
  );
}
