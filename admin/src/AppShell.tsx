import { ApartmentOutlined, BarChartOutlined, FileDoneOutlined, AuditOutlined, CalendarOutlined, FileSearchOutlined, FileTextOutlined, OrderedListOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError, setUnauthorizedHandler, type Action, type Me } from './api';
import { navigate, usePath } from './router';

// Each screen is its own chunk, loaded when first opened.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const UnitsPage = lazy(() => import('./pages/UnitsPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
const CataloguesPage = lazy(() => import('./pages/CataloguesPage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const RequestsPage = lazy(() => import('./pages/RequestsPage'));
const ReplyTemplatesPage = lazy(() => import('./pages/ReplyTemplatesPage'));
const AnnualReportsPage = lazy(() => import('./pages/AnnualReportsPage'));

interface Screen {
  path: string;
  label: string;
  icon: React.ReactNode;
  needs?: Action;
  render: (me: Me, refresh: () => void, path: string) => React.ReactNode;
}

const SCREENS: Screen[] = [
  { path: '/admin', label: '工作台', icon: <HomeOutlined />, render: (me) => <HomePage me={me} /> },
  { path: '/admin/documents', label: '政府信息', icon: <FileTextOutlined />, needs: 'document.read', render: (me, _r, path) => <DocumentsPage me={me} path={path} /> },
  { path: '/admin/requests', label: '依申请公开', icon: <FileSearchOutlined />, needs: 'request.read', render: (me, _r, path) => <RequestsPage me={me} path={path} /> },
  { path: '/admin/reports', label: '年度报告', icon: <BarChartOutlined />, needs: 'document.read', render: (me, _r, path) => <AnnualReportsPage me={me} path={path} /> },
  { path: '/admin/reply-templates', label: '答复文书模板', icon: <FileDoneOutlined />, needs: 'reply_template.manage', render: () => <ReplyTemplatesPage /> },
  { path: '/admin/catalogues', label: '标准目录', icon: <OrderedListOutlined />, needs: 'document.read', render: (me) => <CataloguesPage me={me} /> },
  { path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined />, needs: 'unit.read', render: (me) => <UnitsPage me={me} /> },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, needs: 'user.read', render: (me) => <UsersPage me={me} /> },
  { path: '/admin/calendar', label: '节假日日历', icon: <CalendarOutlined />, needs: 'calendar.manage', render: () => <CalendarPage /> },
  { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, needs: 'audit.read', render: () => <AuditPage /> },
  { path: '/admin/password', label: '修改密码', icon: <KeyOutlined />, render: (me, refresh) => <PasswordPage me={me} onChanged={refresh} /> },
];

const loading = <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;

export function AppShell() {
  const path = usePath();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      setMe(await api<Me>('GET', '/auth/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    void refresh();
  }, [refresh]);

  if (me === undefined) return loading;
  if (me === null) return <Suspense fallback={loading}><LoginPage onLoggedIn={setMe} /></Suspense>;

  const visible = SCREENS.filter((s) => !s.needs || me.permissions.includes(s.needs));
  const screen = me.user.mustChangePassword ? SCREENS.find((s) => s.path === '/admin/password')! : visible.find((s) => s.path === path || (s.path !== '/admin' && path.startsWith(`${s.path}/`)));

  const logout = async () => {
    await api('POST', '/auth/logout');
    setMe(null);
    navigate('/admin');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200} theme="light" style={{ borderRight: '1px solid #e5e5e5' }}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 17, color: '#a61b1b' }}>政务公开平台</div>
        <nav aria-label="管理菜单">
          <Menu
            mode="inline"
            selectedKeys={[screen?.path ?? '']}
            items={visible.map((s) => ({ key: s.path, icon: s.icon, label: <a href={s.path} onClick={(e) => { e.preventDefault(); navigate(s.path); }}>{s.label}</a> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #e5e5e5', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', padding: '0 24px' }}>
          <Space>
            <Typography.Text data-testid="current-user">{me.user.displayName}（{me.user.unitName}）</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={logout}>退出</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={loading}>
              {screen ? screen.render(me, () => void refresh(), path) : <Result status="404" title="页面不存在" subTitle="该页面不存在或您没有访问权限。" extra={<Button type="primary" onClick={() => navigate('/admin')}>返回工作台</Button>} />}
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
