import { useState } from 'react';
import { Layout, Menu, Button, Space, Typography, Segmented, Grid } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { CalendarOutlined, DashboardOutlined, FileExcelOutlined, FileTextOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n, enumLabel, ENUMS } from './i18n';
import { useRights, useSession } from './session';

const { Header, Sider, Content } = Layout;

export default function Shell() {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useSession();
  const rights = useRights();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('概览', 'Overview') },
    { key: '/stations', icon: <HomeOutlined />, label: t('站点', 'Stations') },
    { key: '/workers', icon: <TeamOutlined />, label: t('社工', 'Workers') },
    { key: '/policy', icon: <FileTextOutlined />, label: t('政策配置', 'Policy profile') },
    ...(rights.manageUsers ? [{ key: '/users', icon: <UserOutlined />, label: t('用户', 'Users') }] : []),
    { key: '/excel', icon: <FileExcelOutlined />, label: t('Excel 导入导出', 'Excel') },
    { key: '/brief', icon: <CalendarOutlined />, label: t('月度简报', 'Monthly brief') },
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
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
          style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}
        >
          <Space wrap>
            <Typography.Text type="secondary" data-testid="whoami">
              {session.tenant} · {session.username.replace(`${session.tenant}:`, '')} ·{' '}
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
        <Content style={{ padding: screens.md ? 24 : 12 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
