import { LockOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { DossierView } from '../../../src/api/types-dossier';
import { useI18n } from '../../i18n/I18nProvider';
import type { DossierAbilities } from './dossier-abilities';
import { archiveNumbers, formatTime, type DossierState } from './dossier-labels';

/** The banner over the facts: sealed (frozen, with its numbers), an old version on screen, or a correction in progress. */
export function DossierBanners({
  view,
  state,
  can,
  onBackToCurrent,
}: {
  view: DossierView;
  state: DossierState;
  can: DossierAbilities;
  onBackToCurrent: () => void;
}) {
  const { t, locale } = useI18n();
  const { archiveNo, archiveCode } = archiveNumbers(view);
  return (
    <>
      {can.sealed && !can.viewingOld && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          className="dz-sealed-banner section-card"
          title={t('dossier.sealedBanner', {
            archiveNo: archiveNo ?? '—',
            archiveCode: archiveCode ?? t('dossier.archiveCodePending'),
            at: formatTime(view.version?.sealedAt, locale),
            by: view.version?.sealedBy ?? '—',
          })}
          description={
            <span>
              {t('dossier.frozen')}
              {view.version?.boundSha256 && <span className="hash dz-sha"> SHA-256 {view.version.boundSha256}</span>}
            </span>
          }
        />
      )}
      {can.viewingOld && view.version && (
        <Alert
          type="info"
          showIcon
          className="section-card"
          title={t('dossier.version.oldBanner', { n: view.version.versionNo, next: can.superseding?.versionNo ?? can.latestVersionNo ?? '' })}
          description={can.superseding?.correctionReason ? t('dossier.version.reason', { reason: can.superseding.correctionReason }) : undefined}
          action={
            <Button size="small" onClick={onBackToCurrent}>
              {t('dossier.version.backToCurrent')}
            </Button>
          }
        />
      )}
      {state === 'correcting' && view.version && (
        <Alert
          type="warning"
          showIcon
          className="section-card"
          title={t('dossier.correctingBanner', { n: view.version.versionNo, reason: view.version.correctionReason ?? '—', by: view.version.openedBy })}
        />
      )}
    </>
  );
}
