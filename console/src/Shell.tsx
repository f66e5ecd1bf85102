import { useMemo, useState } from 'react';
import { Layout, Menu, Button, Space, Typography, Segmented, Grid } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, ContainerOutlined, SolutionOutlined, CalendarOutlined, DashboardOutlined, FileExcelOutlined, FileTextOutlined, HistoryOutlined, HomeOutlined, ReadOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from 'urql';
import { graphql } from './gql';
import { useI18n, enumLabel, ENUMS } from './i18n';
import { GrantsContext, TodayContext, useRights, useSession } from './session';

const ViewerQuery = graphql(`
  query ShellViewer { viewer { subject grantedStations { id } tenant { id today } } }
`);

const { Header, Sider, Content } = Layout;
// who reads the ledger's amounts; a station's operator is FORBIDDEN them
const FUNDING_READERS = ['TENANT_ADMIN', 'SUPERVISOR', 'VIEWER'];

export default function Shell() {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useSession();
  const rights = useRights();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  // an operator's grants, read once: which stations and workers the pages offer it to edit
  const [viewer] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  const granted = useMemo(() => new Set((viewer.data?.viewer.grantedStations ?? []).map((s) => s.id)), [viewer.data]);
  // a platform administrator reads nothing inside a bureau: tenants are all it is offered
  const items = rights.platform ? [
    { key: '/tenants', icon: <BankOutlined />, label: t('租户', 'Tenants') },
  ] : [
    { key: '/', icon: <DashboardOutlined />, label: t('概览', 'Overview') },
    { key: '/stations', icon: <HomeOutlined />, label: t('站点', 'Stations') },
    { key: '/workers', icon: <TeamOutlined />, label: t('社工', 'Workers') },
    { key: '/divisions', icon: <ApartmentOutlined />, label: t('行政区划', 'Divisions') },
    { key: '/calendar', icon: <CalendarOutlined />, label: t('时间节点', 'Calendar') },
    { key: '/supervision', icon: <AuditOutlined />, label: t('督导整改', 'Supervision') },
    { key: '/policy', icon: <FileTextOutlined />, label: t('政策配置', 'Policy profile') },
    ...(rights.manageUsers ? [{ key: '/users', icon: <UserOutlined />, label: t('用户', 'Users') }] : []),
    ...(rights.admin ? [{ key: '/audit', icon: <HistoryOutlined />, label: t('操作日志', 'Audit log') }] : []),
    { key: '/excel', icon: <FileExcelOutlined />, label: t('Excel 导入导出', 'Excel') },
    { key: '/brief', icon: <ReadOutlined />, label: t('月度简报', 'Monthly brief') },
    { key: '/operators', icon: <SolutionOutlined />, label: t('承接主体', 'Operators') },
    { key: '/contracts', icon: <ContainerOutlined />, label: t('服务合同', 'Contracts') },
    ...(session.roles.some((r) => FUNDING_READERS.includes(r)) ? [{ key: '/funding', icon: <AccountBookOutlined />, label: t('资金台账', 'Funding') }] : []),
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)));
  return (
    <GrantsContext.Provider value={granted}>
    <TodayContext.Provider value={viewer.data?.viewer.tenant?.today ?? null}>
    {/* a printed page (the compliance report) leaves the navigation off the paper */}
    <style>{'@media print { .shell-nav { display: none !important; } .shell-content { padding: 0 !important; } .ant-layout { background: #fff !important; } }'}</style>
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        className="shell-nav"
        breakpoint="lg"
        collapsedWidth={screens.md ? 64 : 0}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        aria-label={t('主导航', 'Main navigation')}
      >
        <div style={{ padding: 16, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? '社工' : t('社工站管理', 'Shegong console')}
        </div>
        <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => navigate(key)} />
      </Sider>
      <Layout>
        <Header
          className="shell-nav"
          style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}
        >
          <Space wrap>
            <Typography.Text type="secondary" data-testid="whoami">
              {session.tenant || t('平台', 'Platform')} · {session.username.slice(session.username.indexOf(':') + 1)} ·{' '}
              {session.roles.map((r) => enumLabel(lang, ENUMS.userRole, r)).join('、')}
            </Typography.Text>
            <Segmented
              aria-label={t('语言', 'Language')}
              size="small"
              value={lang}
              options={[
                { value: 'zh', label: '中文' },
                { value: 'en', label: 'EN' },
              ]}
              onChange={(v) => setLang(v as 'zh' | 'en')}
            />
            <Button onClick={signOut}>{t('退出登录', 'Sign out')}</Button>
          </Space>
        </Header>
        <Content className="shell-content" style={{ padding: screens.md ? 24 : 12 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
    </TodayContext.Provider>
    </GrantsContext.Provider>
  );
}
