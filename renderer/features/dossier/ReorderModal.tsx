import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Popconfirm, Tag, Tooltip } from 'antd';
import { useMemo, useState, type DragEvent } from 'react';
import type { DossierView } from '../../../src/api/types-dossier';
import { ClientError, invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { currentOrder, documentsOf, moveItem, movedDocuments, profileOrderOf, type OrderDoc } from './dossier-order';

/**
 * 调整顺序: the case's documents in bound order; drag a row (or use ↑ ↓) where the case needs it.
 * Every document that then deviates from the profile order needs a reason (dossier.reorder refuses
 * without one); the 备考表 records each. 恢复规范顺序 drops the recorded order.
 */
export function ReorderModal({ view, onClose, onSaved }: { view: DossierView; onClose: () => void; onSaved: (v: DossierView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const docs = useMemo(() => new Map<number, OrderDoc>(documentsOf(view).map((d) => [d.documentId, d])), [view]);
  const initial = useMemo(() => currentOrder(view), [view]);
  const profile = useMemo(() => profileOrderOf(view, initial), [view, initial]);
  const [order, setOrder] = useState<number[]>(initial);
  const [reasons, setReasons] = useState<Record<string, string>>(() => ({ ...(view.manualOrder?.reasons ?? {}) }));
  const [forced, setForced] = useState<Set<number>>(new Set());
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const {
    busy: running,
    error,
    run,
  } = useSubmit<'save' | 'reset'>({
    onError: (e) => {
      // The core names the documents it wants a reason for: ask for those too.
      if (e instanceof ClientError && e.payload.item === 'reasons' && Array.isArray(e.payload.details)) {
        const ids = (e.payload.details as { documentId?: unknown }[]).map((d) => Number(d.documentId)).filter((n) => Number.isInteger(n));
        setForced(new Set(ids));
      }
    },
  });
  const busy = running !== null;
  const [touched, setTouched] = useState(false);

  const moved = useMemo(() => {
    const m = movedDocuments(profile, order);
    forced.forEach((id) => m.add(id));
    return m;
  }, [profile, order, forced]);
  const profilePos = useMemo(() => new Map(profile.map((id, i) => [id, i + 1])), [profile]);
  const missing = [...moved].filter((id) => (reasons[String(id)] ?? '').trim().length < 2);
  const unchanged =
    order.every((id, i) => id === initial[i]) && [...moved].every((id) => (view.manualOrder?.reasons[String(id)] ?? '') === (reasons[String(id)] ?? ''));

  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    setOrder((o) => moveItem(o, from, to));
  };

  const onDragStart = (e: DragEvent, i: number) => {
    setDragging(i);
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(i));
  };
  const onDrop = (e: DragEvent, i: number) => {
    e.preventDefault();
    const from = dragging ?? Number(e.dataTransfer.getData('text/plain'));
    setDragging(null);
    setOver(null);
    if (Number.isInteger(from)) move(from, i);
  };

  const save = async (reset: boolean) => {
    setTouched(true);
    if (!reset && missing.length > 0) return;
    if (view.caseId === null) return;
    const caseId = view.caseId;
    await run(
      async () => {
        const body = reset
          ? { caseId, order: null }
          : {
              caseId,
              order,
              reasons: Object.fromEntries([...moved].map((id) => [String(id), (reasons[String(id)] ?? '').trim()])),
            };
        const next = await invoke('dossier.reorder', body);
        message.success(t(reset ? 'dossier.reorder.resetDone' : 'dossier.reorder.saved'));
        onSaved(next);
      },
      reset ? 'reset' : 'save',
    );
  };

  return (
    <Modal
      open
      width={1080}
      title={t('dossier.reorder.title', { caseNo: view.caseNo ?? '' })}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      footer={[
        <Popconfirm
          key="reset"
          title={t('dossier.reorder.resetConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => void save(true)}
          disabled={!view.manualOrder}
        >
          <Button icon={<UndoOutlined />} disabled={!view.manualOrder || busy} style={{ float: 'left' }}>
            {t('dossier.reorder.reset')}
          </Button>
        </Popconfirm>,
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={busy} disabled={unchanged} onClick={() => void save(false)}>
          {t('dossier.reorder.save')}
        </Button>,
      ]}
    >
      <Alert type="info" showIcon title={t('dossier.reorder.hint')} style={{ marginBottom: 8 }} />
      <ErrorAlert error={error} style={{ marginBottom: 8 }} />
      {touched && missing.length > 0 && (
        <Alert type="warning" showIcon title={t('dossier.reorder.needReasons', { n: missing.length })} style={{ marginBottom: 8 }} />
      )}
      <div className="dz-reorder" role="list">
        <div className="dz-reorder-row is-head">
          <span />
          <span>{t('dossier.reorder.col.pos')}</span>
          <span>{t('dossier.reorder.col.profilePos')}</span>
          <span>{t('dossier.reorder.col.doc')}</span>
          <span>{t('dossier.reorder.col.date')}</span>
          <span>{t('dossier.reorder.col.reason')}</span>
          <span />
        </div>
        {order.map((id, i) => {
          const d = docs.get(id);
          const isMoved = moved.has(id);
          const reason = reasons[String(id)] ?? '';
          const bad = touched && isMoved && reason.trim().length < 2;
          return (
            <div
              key={id}
              role="listitem"
              className={`dz-reorder-row${isMoved ? ' is-moved' : ''}${dragging === i ? ' is-dragging' : ''}${over === i && dragging !== i ? ' is-over' : ''}`}
              draggable
              data-doc-id={id}
              onDragStart={(e) => onDragStart(e, i)}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (over !== i) setOver(i);
              }}
              onDrop={(e) => onDrop(e, i)}
            >
              <span className="dz-drag" aria-hidden>
                <HolderOutlined />
              </span>
              <span className="c">{i + 1}</span>
              <span className="c">
                {isMoved ? (
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    {profilePos.get(id) ?? '—'}
                  </Tag>
                ) : (
                  <span className="muted">{profilePos.get(id) ?? '—'}</span>
                )}
              </span>
              <span className="dz-reorder-doc">
                <Tag className="dz-kind-tag">{d?.kindName ?? ''}</Tag>
                {d?.volumeLabel && <Tag color="purple">{d.volumeLabel}</Tag>}
                <Tooltip title={d?.title}>
                  <span className="dz-reorder-title">{d?.title ?? id}</span>
                </Tooltip>
              </span>
              <span className="nowrap">{d?.date ?? '—'}</span>
              <span>
                {isMoved ? (
                  <Input
                    size="small"
                    status={bad ? 'error' : undefined}
                    placeholder={t('dossier.reorder.reasonPlaceholder')}
                    value={reason}
                    maxLength={500}
                    aria-label={t('dossier.reorder.reasonFor', { title: d?.title ?? '' })}
                    onChange={(e) => setReasons((r) => ({ ...r, [String(id)]: e.target.value }))}
                  />
                ) : (
                  <span className="muted">{t('dossier.reorder.inProfileOrder')}</span>
                )}
              </span>
              <span className="dz-reorder-btns">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                  aria-label={t('dossier.reorder.up')}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === order.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={t('dossier.reorder.down')}
                />
              </span>
            </div>
          );
        })}
      </div>
    </Modal>
  );
}
