import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, Modal } from 'antd';
import type { DossierView } from '../../../src/api/types-dossier';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { volumeTitle } from './VolumeCard';
import { useSubmit } from '../../components/use-submit';

interface SealForm {
  checker?: string;
  fondsNo?: string;
  catalogNo?: string;
}

/**
 * 归档 confirmation: what will be frozen (volumes, documents, pages, acknowledged warnings, recorded
 * deviations), the optional 检查人 and 全宗号/目录号 for the 档号, then dossier.seal.
 */
export function SealModal({
  view,
  profileId,
  onClose,
  onSealed,
}: {
  view: DossierView;
  profileId: string | undefined;
  onClose: () => void;
  onSealed: (v: DossierView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SealForm>();
  const { busy, error, run } = useSubmit();
  const b = view.bound;
  const acked = b.issues.filter((i) => i.acknowledged).length;
  const correcting = view.versions.some((v) => v.status === 'sealed');

  const seal = async () => {
    const values = await form.validateFields();
    const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
    await run(async () => {
      const input = {
        profileId,
        checker: opt(values.checker) ?? null,
        fondsNo: opt(values.fondsNo),
        catalogNo: opt(values.catalogNo),
      };
      const sealed =
        view.caseId !== null
          ? await invoke('dossier.seal', { caseId: view.caseId, ...input })
          : await invoke('dossier.seal', { dossierId: view.dossierId!, ...input });
      message.success(t('dossier.seal.done', { archiveNo: sealed.version?.archiveNo ?? '' }));
      onSealed(sealed);
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t(correcting ? 'dossier.seal.titleCorrection' : 'dossier.seal.title')}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="seal" type="primary" danger icon={<LockOutlined />} loading={busy !== null} disabled={!view.canSeal} onClick={() => void seal()}>
          {t('dossier.seal.confirm')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('dossier.seal.freezeWarning')} style={{ marginBottom: 10 }} />
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
        items={[
          { key: 'title', label: t('dossier.field.title'), span: 2, children: b.title },
          { key: 'caseNo', label: t('dossier.field.caseNo'), children: view.caseNo ?? '—' },
          { key: 'profile', label: t('dossier.field.profile'), children: `${view.profile.name}（${view.profile.version}）` },
          {
            key: 'volumes',
            label: t('dossier.field.volumes'),
            span: 2,
            children: b.volumes.map((v) => t('dossier.seal.volumeLine', { name: volumeTitle(v, t), entries: v.entries.length, pages: v.pageCount })).join('；'),
          },
          {
            key: 'totals',
            label: t('dossier.field.totals'),
            children: t('dossier.totals', { docs: b.totals.documents, av: b.totals.avItems, pages: b.totals.pages }),
          },
          { key: 'retention', label: t('dossier.field.retention'), children: b.retention.label },
          { key: 'acked', label: t('dossier.seal.acked'), children: acked },
          { key: 'deviations', label: t('dossier.seal.deviations'), children: b.deviations.length },
          {
            key: 'archiveNo',
            label: t('dossier.field.archiveNo'),
            span: 2,
            children: b.archiveNo ? t('dossier.seal.keepsArchiveNo', { archiveNo: b.archiveNo }) : t('dossier.seal.newArchiveNo'),
          },
        ]}
      />
      <Form<SealForm> form={form} layout="inline" name="sealForm" className="dz-seal-form" style={{ marginTop: 12, rowGap: 8 }}>
        <Form.Item name="checker" label={t('dossier.field.checker')} rules={[{ max: 50 }]}>
          <Input placeholder={t('dossier.seal.checkerPlaceholder')} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="fondsNo" label={t('dossier.field.fondsNo')} rules={[{ max: 40 }]}>
          <Input placeholder={t('dossier.seal.optional')} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="catalogNo" label={t('dossier.field.catalogNo')} rules={[{ max: 40 }]}>
          <Input placeholder={t('dossier.seal.optional')} style={{ width: 110 }} />
        </Form.Item>
      </Form>
      <div className="muted" style={{ marginTop: 6, fontSize: 12 }}>
        {t('dossier.seal.codeHint')}
      </div>
      <ErrorAlert error={error} style={{ marginTop: 10 }} />
    </Modal>
  );
}

/** 更正: a reason, then dossier.correct opens a new version; the sealed one stays readable. */
export function CorrectModal({ view, onClose, onOpened }: { view: DossierView; onClose: () => void; onOpened: (v: DossierView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <ReasonModal
      width={560}
      title={t('dossier.correct.title')}
      okText={t('dossier.correct.submit')}
      reasonLabel={t('dossier.correct.reason')}
      reasonShort={t('dossier.correct.needReason')}
      formName="correctForm"
      danger={false}
      onClose={onClose}
      submit={async (reason) => {
        if (view.dossierId === null) return;
        const next = await invoke('dossier.correct', { dossierId: view.dossierId, reason });
        message.success(t('dossier.correct.done', { n: next.version?.versionNo ?? '' }));
        onOpened(next);
      }}
    >
      <Alert type="info" showIcon title={t('dossier.correct.hint', { archiveNo: view.version?.archiveNo ?? '' })} style={{ marginBottom: 10 }} />
    </ReasonModal>
  );
}
