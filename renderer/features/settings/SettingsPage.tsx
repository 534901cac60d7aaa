import { Card, Descriptions, Tabs } from 'antd';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';
import { CalendarTab } from './CalendarTab';
import { ProfileTab } from './ProfileTab';
import { UsersTab } from './UsersTab';

/** 设置: archive information, the filing profile, user accounts. */
export function SettingsPage() {
  const { t } = useI18n();
  const { user } = useUser();
  return (
    <div>
      <div className="page-toolbar">
        <h2 className="page-title">{t('settings.title')}</h2>
      </div>
      <Card size="small">
        <Tabs
          size="small"
          items={[
            { key: 'archive', label: t('settings.archive'), children: <ArchiveTab /> },
            { key: 'profile', label: t('settings.profile'), children: <ProfileTab /> },
            { key: 'users', label: t('settings.users'), children: <UsersTab /> },
            ...(mayCall(user.role, 'calendar.update') ? [{ key: 'calendar', label: t('settings.calendar'), children: <CalendarTab /> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}

function ArchiveTab() {
  const { t, locale } = useI18n();
  const info = useQuery('archive.info', {});
  const a = info.data;
  if (info.error) return <ErrorAlert error={info.error} />;
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      styles={{ label: { width: 140 } }}
      items={
        a
          ? [
              { key: 'name', label: t('settings.archive.name'), children: a.name },
              { key: 'profile', label: t('settings.archive.profile'), children: `${a.profileName}（${a.profileId}）` },
              { key: 'path', label: t('settings.archive.path'), children: <span className="hash">{a.path}</span>, span: 2 },
              { key: 'tz', label: t('settings.archive.timezone'), children: a.timezone },
              {
                key: 'created',
                label: t('settings.archive.createdAt'),
                children: new Date(a.createdAt).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { hour12: false }),
              },
              { key: 'schema', label: t('settings.archive.schema'), children: a.schemaVersion },
              { key: 'counts', label: t('settings.archive.counts'), children: `${a.caseCount} / ${a.documentCount} / ${a.pageCount}` },
            ]
          : []
      }
    />
  );
}
