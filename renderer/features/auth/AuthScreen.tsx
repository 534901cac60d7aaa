import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';

/** The centred card used by sign-in and first-run setup. */
export function AuthScreen({ archiveName, title, children }: { archiveName: string; title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-screen">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <div className="auth-brand">
        <span className="brand-mark">卷</span>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')} · {t('app.subtitle')}
          </Typography.Title>
          {archiveName && <Typography.Text type="secondary">{archiveName}</Typography.Text>}
        </div>
      </div>
      <Card title={title} className="auth-card">
        {children}
      </Card>
    </div>
  );
}
