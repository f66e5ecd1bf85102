import { Suspense, lazy } from 'react';
import { Card, Skeleton, Tabs } from 'antd';
import { useI18n } from '../i18n';

// Each tab is its own chunk and asks for its data only when opened.
const Plan = lazy(() => import('./year/Plan'));
const Projects = lazy(() => import('./year/Projects'));
const Activities = lazy(() => import('./year/Activities'));
const FeaturedCases = lazy(() => import('./year/FeaturedCases'));
const DueItems = lazy(() => import('./year/DueItems'));
const SupervisionLoop = lazy(() => import('./year/SupervisionLoop'));

/**
 * A station's year: its service plan and projects, the activity it delivered, its featured cases, what is due
 * from it and its supervision. `today` is the bureau's date as the service reckons it.
 */
export default function StationYear({ stationId, today }: { stationId: string; today: string }) {
  const { t } = useI18n();
  const pane = (el: React.ReactNode) => <Suspense fallback={<Skeleton active />}>{el}</Suspense>;
  return (
    <Card title={t('年度工作', "The station's year")} data-testid="station-year">
      <Tabs defaultActiveKey="activities" items={[
        { key: 'activities', label: t('服务记录', 'Activities'), children: pane(<Activities stationId={stationId} today={today} />) },
        { key: 'plan', label: t('年度计划', 'Service plan'), children: pane(<Plan stationId={stationId} today={today} />) },
        { key: 'projects', label: t('服务项目', 'Projects'), children: pane(<Projects stationId={stationId} today={today} />) },
        { key: 'cases', label: t('典型案例', 'Featured cases'), children: pane(<FeaturedCases stationId={stationId} today={today} />) },
        { key: 'due', label: t('时间节点', 'Due items'), children: pane(<DueItems stationId={stationId} today={today} />) },
        { key: 'supervision', label: t('督导整改', 'Supervision'), children: pane(<SupervisionLoop stationId={stationId} />) },
      ]} />
    </Card>
  );
}
