import { App as AntApp, Button, ConfigProvider, Result, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from '../components/AppLayout';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionProvider, useSession } from '../features/auth/session';
import { SetupPage } from '../features/auth/SetupPage';
import { CaseDetailPage } from '../features/cases/CaseDetailPage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { DossierListPage } from '../features/dossier/DossierListPage';
import { DossierPage } from '../features/dossier/DossierPage';
import { FootagePage } from '../features/footage/FootagePage';
import { ReviewPage } from '../features/review/ReviewPage';
import { OfficersPage } from '../features/officers/OfficersPage';
import { RetrievalPage } from '../features/retrieval/RetrievalPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';

function Gate() {
  const { state, retry } = useSession();
  const { t, errorText } = useI18n();
  switch (state.phase) {
    case 'loading':
      return (
        <div className="center-screen">
          <Spin size="large" />
          <div style={{ marginTop: 12, color: '#8c8c8c' }}>{t('app.connecting')}</div>
        </div>
      );
    case 'offline':
      return (
        <Result status="warning" title={t('app.connectFailed')} subTitle={errorText(state.error)} extra={<Button onClick={retry}>{t('app.retry')}</Button>} />
      );
    case 'setup':
      return <SetupPage archiveName={state.archiveName} />;
    case 'login':
      return <LoginPage archiveName={state.archiveName} expired={state.expired} />;
    case 'ready':
      return (
        <HashRouter>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/cases" replace />} />
              <Route path="cases" element={<CaseListPage />} />
              <Route path="cases/:id" element={<CaseDetailPage />} />
              <Route path="dossier" element={<DossierListPage />} />
              <Route path="dossier/:caseId" element={<DossierPage />} />
              <Route path="footage" element={<FootagePage />} />
              <Route path="retrieval" element={<RetrievalPage />} />
              <Route path="review" element={<ReviewPage />} />
              <Route path="officers" element={<OfficersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/cases" replace />} />
            </Route>
          </Routes>
        </HashRouter>
      );
  }
}

function Themed() {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
    document.title = locale === 'zh-CN' ? '卷宗 · 行政执法案卷档案管理' : 'Juanzong · case-file archive';
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: [theme.defaultAlgorithm, theme.compactAlgorithm],
        token: {
          colorPrimary: '#1f4e8c',
          borderRadius: 3,
          fontSize: 13,
          fontFamily:
            "'Noto Sans SC Variable', -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
        },
        components: {
          Layout: { headerBg: '#1f3a5f', headerHeight: 44, headerPadding: '0 16px', siderBg: '#fff' },
          Table: { headerBg: '#f3f5f8' },
        },
      }}
    >
      <AntApp component={false}>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
