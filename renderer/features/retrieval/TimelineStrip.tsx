import { useState } from 'react';
import type { ClipSummary } from '../../../src/api/types-footage';
import { mediaUrl } from '../../bridge/client';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipSheet } from '../footage/ClipSheet';
import { type StripFrame, stripFrames } from './strip-frames';
import { timecode } from './timecode';
import './timeline-strip.css';

/** Strip frames are shown at this fraction of the sheet's 320 px frames. */
const SCALE = 0.5;

/**
 * The timeline strip of the player: the frames of the clip's contact sheet (a derived object, media
 * `clip-sheet` by clip id, under the same access rule) in a row, each with its time; clicking one seeks
 * the video to that second. The frame nearest the playhead is marked. Without a sheet (audio, still
 * being made) the sheet placeholder shows instead.
 */
export function TimelineStrip({
  clip,
  time,
  onSeek,
}: {
  clip: Pick<ClipSummary, 'id' | 'hasSheet' | 'hasThumb' | 'derivedState' | 'kind' | 'originalName' | 'durationSec' | 'width' | 'height'>;
  time: number;
  onSeek: (second: number) => void;
}) {
  const { t } = useI18n();
  const [sheet, setSheet] = useState<{ width: number; height: number } | null>(null);
  const [broken, setBroken] = useState(false);
  const src = mediaUrl('clip-sheet', clip.id);
  if (!clip.hasSheet || broken || !clip.durationSec) return <ClipSheet clip={clip} />;
  const picture = clip.width && clip.height ? { width: clip.width, height: clip.height } : undefined;
  const frames = sheet ? stripFrames(clip.durationSec, sheet, picture) : [];
  const current = frames.reduce<StripFrame | null>((best, f) => (f.second <= time + 0.01 ? f : best), null);
  return (
    <div className="retrieval-strip" role="group" aria-label={t('retrieval.player.timeline')}>
      {sheet ? null : (
        <img
          src={src}
          alt=""
          style={{ display: 'none' }}
          onLoad={(e) => setSheet({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          onError={() => setBroken(true)}
        />
      )}
      {frames.map((f) => (
        <button
          key={f.index}
          type="button"
          className={`retrieval-strip-frame${current?.index === f.index ? ' is-current' : ''}`}
          data-second={f.second}
          aria-label={t('retrieval.player.stripSeek', { time: timecode(f.second) })}
          title={t('retrieval.player.stripSeek', { time: timecode(f.second) })}
          onClick={() => onSeek(f.second)}
          style={{
            width: f.w * SCALE,
            height: f.h * SCALE,
            backgroundImage: `url("${src}")`,
            backgroundSize: `${sheet!.width * SCALE}px ${sheet!.height * SCALE}px`,
            backgroundPosition: `${-f.x * SCALE}px ${-f.y * SCALE}px`,
          }}
        >
          <span className="retrieval-strip-time">{timecode(f.second)}</span>
        </button>
      ))}
    </div>
  );
}
