import { Alert, App, Button, Col, Row, Select, Slider, Space, Spin, Tabs, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { mayCall } from '../../bridge/permissions';
import { mediaUrl } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { formatInstant } from '../footage/footage-format';
import { ClipExportModal } from './ClipExportModal';
import { ClipFacts } from './ClipFacts';
import { MarksPanel } from './MarksPanel';
import { TimelineStrip } from './TimelineStrip';
import { frameSeconds, timecode, withPoint, type InOut } from './timecode';
import { useViewSession } from './use-view-session';
import { ViewLogTable } from './ViewLogTable';

const SPEEDS = [0.5, 1, 1.5, 2, 4] as const;

/** The wall-clock time, refreshed every second (for the overlay on the picture). */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * The player for original footage (served by clip id, Range, the 调阅 check on every request): play,
 * seek, frame step, speed, keyboard shortcuts, full screen, the contact sheet, the clip's facts, marks
 * and its 调阅记录; the viewer's name and the time over the picture while it plays.
 */
export function ClipPlayer({
  clipId,
  onRequestAccess,
  startAt,
}: {
  clipId: number;
  onRequestAccess: (clipId: number) => void;
  /** Second to start from (a 评查 finding pinned to a clip second). */
  startAt?: number;
}) {
  const { t, locale, errorText } = useI18n();
  // The app's modal (App.useApp): antd's static Modal.confirm did not close under React 19 here.
  const { modal } = App.useApp();
  const { user } = useSession();
  const session = useViewSession(clipId);
  const clip = useQuery('footage.get', { id: clipId });
  const marks = useQuery('retrieval.marks', { clipId });
  const log = useQuery('retrieval.log', { clipId }, { skip: !mayCall(user?.role, 'retrieval.log') });
  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [rate, setRate] = useState(1);
  const [mediaError, setMediaError] = useState<string | null>(null);
  const [fixityOk, setFixityOk] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [points, setPoints] = useState<InOut>({ in: null, out: null });
  const now = useNow();
  // Set when the player waited for the playback proxy: it starts playing by itself once it is there.
  const autoPlay = useRef(false);

  // The video is created as soon as viewStart (the access check) answers, which also carries the
  // original's last fixity result: the clip's facts (footage.get), marks and log fill in beside it.
  const fixity = session.start?.lastFixity ?? null;
  const fixityFailed = !!fixity && fixity.outcome !== 'ok';
  // A format Chromium cannot play waits for its proxy (never the unplayable original).
  const proxy = session.start?.proxy ?? null;
  const proxyWaiting = proxy !== null && proxy.state !== 'done';
  if (proxy?.state === 'making') autoPlay.current = true;
  const ready = session.start !== null && !proxyWaiting && (!fixityFailed || fixityOk);
  const frameSec = frameSeconds(clip.data?.frameRate);

  const seek = useCallback((sec: number) => {
    const v = video.current;
    if (!v) return;
    v.currentTime = Math.max(0, Math.min(sec, Number.isFinite(v.duration) ? v.duration : sec));
  }, []);
  const toggle = useCallback(() => {
    const v = video.current;
    if (!v) return;
    if (v.paused) void v.play().catch(() => undefined);
    else v.pause();
  }, []);
  const step = useCallback(
    (frames: number) => {
      const v = video.current;
      if (!v) return;
      v.pause();
      seek(v.currentTime + frames * frameSec);
    },
    [seek, frameSec],
  );
  const setPoint = useCallback((which: 'in' | 'out') => {
    const v = video.current;
    if (!v) return;
    setPoints((p) => withPoint(p, which, Math.round(v.currentTime * 1000) / 1000));
  }, []);
  // A media error may be the core refusing the next range (the grant expired or was revoked): ask
  // the core why (the session then ends with its reason), else show the browser's message.
  const { check } = session;
  const onMediaError = useCallback(
    (why: string) => {
      void check().then((goesOn) => {
        if (goesOn) setMediaError(why);
      });
    },
    [check],
  );
  const setSpeed = useCallback((r: number) => {
    setRate(r);
    if (video.current) video.current.playbackRate = r;
  }, []);
  const fullscreen = useCallback(() => {
    const el = frame.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void el.requestFullscreen().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const v = video.current;
      if (!v) return;
      const i = SPEEDS.indexOf(rate as (typeof SPEEDS)[number]);
      switch (e.key) {
        case ' ':
          toggle();
          break;
        case 'ArrowLeft':
          seek(v.currentTime - 5);
          break;
        case 'ArrowRight':
          seek(v.currentTime + 5);
          break;
        case ',':
          step(-1);
          break;
        case '.':
          step(1);
          break;
        case '[':
          setSpeed(SPEEDS[Math.max(0, i - 1)] ?? 1);
          break;
        case ']':
          setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)] ?? 1);
          break;
        case 'f':
          fullscreen();
          break;
        case 'i':
          setPoint('in');
          break;
        case 'o':
          setPoint('out');
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ready, rate, toggle, seek, step, setSpeed, fullscreen, setPoint]);

  if (session.error) {
    return (
      <div className="retrieval-refused">
        <Alert type="error" showIcon title={t('retrieval.player.refused')} description={errorText(session.error)} />
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => onRequestAccess(clipId)}>
          {t('retrieval.player.requestAccess')}
        </Button>
      </div>
    );
  }
  if (!session.start) return <Spin />;
  const c = clip.data;
  const access = session.start.access;
  const canMark = mayCall(user?.role, 'retrieval.mark');

  return (
    <Row gutter={16} className="retrieval-player">
      <Col xs={24} xl={16}>
        {access.mode === 'live' ? (
          <Alert type="info" showIcon title={t('retrieval.player.live')} />
        ) : (
          <Alert type="info" showIcon title={t('retrieval.player.grant', { id: access.grantId ?? 0, until: formatInstant(access.until, locale) })} />
        )}
        {proxy?.state === 'making' && (
          <Alert
            type="info"
            showIcon
            icon={<Spin size="small" />}
            title={t('retrieval.player.proxyMaking')}
            className="retrieval-proxy-making"
            style={{ marginTop: 8 }}
          />
        )}
        {proxy?.state === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('retrieval.player.proxyFailed')}
            description={proxy.error ?? ''}
            className="retrieval-proxy-failed"
            style={{ marginTop: 8 }}
          />
        )}
        {session.start.media === 'clip-proxy' && !proxyWaiting && (
          <Alert type="warning" showIcon title={t('retrieval.player.proxy')} className="retrieval-proxy-note" style={{ marginTop: 8 }} />
        )}
        {fixityFailed && (
          <Alert
            type="error"
            showIcon
            className="retrieval-fixity-failed"
            style={{ marginTop: 8 }}
            title={t('retrieval.player.fixityFailed', { outcome: fixity.outcome, at: formatInstant(fixity.checkedAt, locale) })}
            action={
              !fixityOk && (
                <Button
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('retrieval.player.fixityConfirmTitle'),
                      content: t('retrieval.player.fixityConfirmBody'),
                      okButtonProps: { danger: true },
                      okText: t('retrieval.player.fixityConfirm'),
                      onOk: () => setFixityOk(true),
                      // The button that opened the confirmation is gone: the focus goes to the picture
                      // (in the drawer: Escape still closes it, the player's keys still reach it).
                      afterClose: () => frame.current?.focus(),
                    })
                  }
                >
                  {t('retrieval.player.fixityConfirm')}
                </Button>
              )
            }
          />
        )}
        {ready && (
          <div ref={frame} tabIndex={-1} className="retrieval-frame" style={{ position: 'relative', background: '#000', marginTop: 8, outline: 'none' }}>
            <video
              ref={video}
              className="retrieval-video"
              src={mediaUrl(session.start.media, clipId)}
              preload="auto"
              style={{ width: '100%', maxHeight: '60vh', display: 'block' }}
              onClick={toggle}
              onPlay={() => setPlaying(true)}
              onPause={() => setPlaying(false)}
              onEnded={() => setPlaying(false)}
              onLoadedMetadata={(e) => {
                setDuration(e.currentTarget.duration);
                if (startAt) e.currentTarget.currentTime = Math.min(startAt, e.currentTarget.duration);
                if (autoPlay.current) {
                  autoPlay.current = false;
                  void e.currentTarget.play().catch(() => undefined);
                }
              }}
              onTimeUpdate={(e) => {
                setTime(e.currentTarget.currentTime);
                session.onTime(e.currentTarget.currentTime, !e.currentTarget.paused);
              }}
              onSeeked={(e) => {
                setTime(e.currentTarget.currentTime);
                session.onTime(e.currentTarget.currentTime, false);
              }}
              onError={(e) => onMediaError(e.currentTarget.error?.message || 'MEDIA_ERR')}
            />
            {playing && (
              <div
                className="retrieval-overlay"
                style={{ position: 'absolute', right: 12, top: 10, color: '#fff', textShadow: '0 0 3px #000', fontSize: 16, pointerEvents: 'none' }}
              >
                {t('retrieval.player.overlay', {
                  name: `${user?.displayName ?? ''}（${user?.username ?? ''}）`,
                  time: now.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN'),
                })}
              </div>
            )}
          </div>
        )}
        {mediaError && <Alert type="error" showIcon title={t('retrieval.player.mediaError', { why: mediaError })} style={{ marginTop: 8 }} />}
        {ready && (
          <>
            <Slider
              className="retrieval-seek"
              min={0}
              max={Math.max(duration, c?.durationSec ?? 0, 0.1)}
              step={0.04}
              value={time}
              tooltip={{ formatter: (v) => timecode(v ?? 0) }}
              marks={{
                ...Object.fromEntries((marks.data ?? []).map((m) => [m.second, { label: '▲', style: { color: '#cf1322' } }])),
                ...(points.in !== null ? { [points.in]: { label: <span className="retrieval-seek-in">[{t('retrieval.player.inShort')}</span> } } : {}),
                ...(points.out !== null ? { [points.out]: { label: <span className="retrieval-seek-out">{t('retrieval.player.outShort')}]</span> } } : {}),
              }}
              onChange={(v) => seek(v)}
            />
            <Space wrap>
              <Button type="primary" className="retrieval-play" onClick={toggle}>
                {playing ? t('retrieval.player.pause') : t('retrieval.player.play')}
              </Button>
              <Tooltip title=",">
                <Button onClick={() => step(-1)}>{t('retrieval.player.frameBack')}</Button>
              </Tooltip>
              <Tooltip title=".">
                <Button onClick={() => step(1)}>{t('retrieval.player.frameForward')}</Button>
              </Tooltip>
              <span>{t('retrieval.player.speed')}</span>
              <Select
                aria-label={t('retrieval.player.speed')}
                value={rate}
                onChange={setSpeed}
                options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
                style={{ width: 90 }}
              />
              <Button onClick={fullscreen}>{t('retrieval.player.fullscreen')}</Button>
              <Tooltip title="i">
                <Button className="retrieval-set-in" onClick={() => setPoint('in')}>
                  {t('retrieval.player.setIn')}
                </Button>
              </Tooltip>
              <Tooltip title="o">
                <Button className="retrieval-set-out" onClick={() => setPoint('out')}>
                  {t('retrieval.player.setOut')}
                </Button>
              </Tooltip>
              <Button onClick={() => setExporting(true)}>{t('retrieval.player.export')}</Button>
              <Typography.Text className="retrieval-time" code>
                {timecode(time)} / {timecode(duration || c?.durationSec || 0)}
              </Typography.Text>
            </Space>
            {(points.in !== null || points.out !== null) && (
              <div className="retrieval-inout" data-in={points.in ?? ''} data-out={points.out ?? ''} style={{ marginTop: 4 }}>
                {t('retrieval.player.inOut', { in: points.in !== null ? timecode(points.in) : '—', out: points.out !== null ? timecode(points.out) : '—' })}{' '}
                <Button size="small" type="link" onClick={() => setPoints({ in: null, out: null })}>
                  {t('retrieval.player.clearInOut')}
                </Button>
              </div>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
              {t('retrieval.player.keys')}
            </Typography.Paragraph>
          </>
        )}
        <Typography.Title level={5}>{t('retrieval.player.timeline')}</Typography.Title>
        {c ? <TimelineStrip clip={c} time={time} onSeek={seek} /> : <Spin size="small" />}
        <ErrorAlert error={clip.error} />
        <MarksPanel
          clipId={clipId}
          marks={marks.data ?? []}
          canMark={canMark}
          currentTime={() => video.current?.currentTime ?? 0}
          onSeek={seek}
          onAdded={marks.refetch}
        />
        <ErrorAlert error={marks.error} />
      </Col>
      <Col xs={24} xl={8}>
        <Tabs
          items={[
            { key: 'facts', label: t('retrieval.facts.title'), children: c ? <ClipFacts clip={c} /> : <Spin size="small" /> },
            ...(log.data
              ? [{ key: 'log', label: t('retrieval.clipLog.title'), children: <ViewLogTable views={log.data.views} showClip={false} loading={log.loading} /> }]
              : []),
          ]}
        />
        <Button size="small" onClick={log.refetch} style={{ display: log.data ? undefined : 'none' }} className="retrieval-log-refresh">
          ↻
        </Button>
      </Col>
      {exporting && (
        <ClipExportModal
          clipId={clipId}
          open={exporting}
          onClose={() => setExporting(false)}
          inSec={points.in ?? Math.floor(time)}
          {...(points.out !== null ? { outSec: points.out } : {})}
        />
      )}
    </Row>
  );
}
