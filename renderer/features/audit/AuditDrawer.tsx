import { Descriptions, Drawer, Typography } from 'antd';
import type { AuditEntry } from '../../../src/api/types';
import { isAuditAction } from '../../../src/domain/audit-actions';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../footage/footage-format';
import { detailKeyText, detailValueText, targetTypeText } from './audit-format';

/** One audit entry to read: who, when, what, on which target, the detail as labelled rows, seq and hash. */
export function AuditDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const e = entry;
  return (
    <Drawer className="audit-drawer" open={e !== null} onClose={onClose} size={560} title={e ? t('audit.drawer.title', { seq: e.seq }) : ''} destroyOnHidden>
      {e && (
        <>
          <Descriptions className="audit-drawer-entry" size="small" column={1} bordered>
            <Descriptions.Item label={t('audit.col.seq')}>{e.seq}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.at')}>{formatInstant(e.at, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.actor')}>{e.actor}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.action')}>{isAuditAction(e.action) ? t(`audit.action.${e.action}`) : e.action}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.target')}>
              {targetTypeText(t, e.targetType)} {e.targetLabel ?? e.targetId}
              {e.targetLabel === null && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                  {t('audit.drawer.targetGone')}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.col.hash')}>
              <Typography.Text className="hash" copyable>
                {e.hash}
              </Typography.Text>
            </Descriptions.Item>
            {e.beforeDigest && (
              <Descriptions.Item label={t('audit.drawer.beforeDigest')}>
                <span className="hash">{e.beforeDigest}</span>
              </Descriptions.Item>
            )}
            {e.afterDigest && (
              <Descriptions.Item label={t('audit.drawer.afterDigest')}>
                <span className="hash">{e.afterDigest}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('audit.col.detail')}
          </Typography.Title>
          {e.detail && Object.keys(e.detail).length > 0 ? (
            <Descriptions className="audit-drawer-detail" size="small" column={1} bordered>
              {Object.entries(e.detail).map(([k, v]) => (
                <Descriptions.Item key={k} label={detailKeyText(t, k)}>
                  {v !== null && typeof v === 'object' ? (
                    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{detailValueText(t, v)}</pre>
                  ) : (
                    detailValueText(t, v)
                  )}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('audit.drawer.noDetail')}</Typography.Text>
          )}
        </>
      )}
    </Drawer>
  );
}
