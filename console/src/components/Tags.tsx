import { Tag } from 'antd';
import { ENUMS, enumLabel, useI18n } from '../i18n';

const SEVERITY_COLOR: Record<string, string> = { VIOLATION: 'red', ADVISORY: 'orange', INFO: 'blue' };
const STATUS_COLOR: Record<string, string> = {
  OPERATING: 'green', SUSPENDED: 'orange', CLOSED: 'default', PLANNED: 'blue', SITE_SELECTED: 'cyan', SIGNED: 'geekblue',
};
const STANDING_COLOR: Record<string, string> = { COMPLIANT: 'green', NOT_COMPLIANT: 'red', NO_PROFILE: 'default', NOT_CHECKED: 'default' };

export function SeverityTag({ severity }: { severity: string }) {
  const { lang } = useI18n();
  return <Tag color={SEVERITY_COLOR[severity]}>{enumLabel(lang, ENUMS.severity, severity)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{enumLabel(lang, ENUMS.stationStatus, status)}</Tag>;
}

export function StandingTag({ standing }: { standing: string }) {
  const { lang } = useI18n();
  return <Tag color={STANDING_COLOR[standing]} data-testid="standing">{enumLabel(lang, ENUMS.standing, standing)}</Tag>;
}
