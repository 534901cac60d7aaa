import {
  AuditOutlined,
  BookOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  SettingOutlined,
  SolutionOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { mayCall } from '../bridge/permissions';
import { useQuery } from '../bridge/use-query';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useUser, useSession } from '../features/auth/session';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';
import { LanguageSwitch } from './LanguageSwitch';
import { roleLabel } from './labels';

/** `op`: the operation a page needs to open; the entry is shown only to roles that may call it. */
const NAV: { path: string; key: MessageKey; icon: ReactNode; op?: string }[] = [
  { path: '/cases', key: 'nav.cases', icon: <FolderOpenOutlined /> },
  { path: '/dossier', key: 'nav.dossier', icon: <BookOutlined /> },
  { path: '/footage', key: 'nav.footage', icon: <VideoCameraOutlined /> },
  { path: '/retrieval', key: 'nav.retrieval', icon: <FileSearchOutlined /> },
  { path: '/review', key: 'nav.review', icon: <SolutionOutlined /> },
  { path: '/officers', key: 'nav.officers', icon: <IdcardOutlined /> },
  { path: '/audit', key: 'nav.audit', icon: <AuditOutlined />, op: 'audit.list' },
  { path: '/settings', key: 'nav.settings', icon: <SettingOutlined /> },
];

export function AppLayout() {
  const { t, locale } = useI18n();
  const { user } = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // A temporary password: the core refuses everything but changing it, so nothing else is loaded.
  const forced = user.mustChangePassword === true;
  const archive = useQuery('archive.info', {}, { skip: forced });
  const [pwOpen, setPwOpen] = useState(false);
  const selected = NAV.find((n) => location.pathname === n.path || location.pathname.startsWith(`${n.path}/`))?.path ?? '/cases';

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <div className="app-brand">
          <span className="brand-mark small">卷</span>
          <span className="app-brand-name">{t('app.name')}</span>
          <Typography.Text className="app-archive-name" ellipsis>
            {archive.data?.name ?? ''}
          </Typography.Text>
        </div>
        <Space size={12} className="app-header-right">
          <Dropdown
            trigger={['click']}
            menu={{ items: [{ key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') }], onClick: () => setPwOpen(true) }}
          >
            <span className="app-user" role="button" tabIndex={0} aria-label={t('auth.userMenu', { name: user.displayName })} style={{ cursor: 'pointer' }}>
              <UserOutlined /> {user.displayName}
              <Tag color="blue" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
                {roleLabel(user.role, locale)}
              </Tag>
            </span>
          </Dropdown>
          <ChangePasswordModal open={pwOpen || forced} forced={forced} onClose={() => setPwOpen(false)} />
          <LanguageSwitch />
          <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
            {t('auth.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={148} theme="light" className="app-sider">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={NAV.filter((n) => n.op === undefined || mayCall(user.role, n.op)).map((n) => ({
              key: n.path,
              icon: n.icon,
              label: t(n.key),
            }))}
            onClick={(e) => navigate(e.key)}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">{forced ? null : <Outlet />}</Layout.Content>
      </Layout>
    </Layout>
  );
}
