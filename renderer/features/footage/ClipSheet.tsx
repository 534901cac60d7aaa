import { Image } from 'antd';
import { useState } from 'react';
import type { ClipSummary } from '../../../src/api/types-footage';
import { mediaUrl } from '../../bridge/client';
import { ClipThumb } from './ClipThumb';

/** The clip's contact sheet (~9 frames), or its thumbnail placeholder while it is being made. */
export function ClipSheet({ clip }: { clip: Pick<ClipSummary, 'id' | 'hasSheet' | 'hasThumb' | 'derivedState' | 'kind' | 'originalName'> }) {
  const [broken, setBroken] = useState(false);
  if (!clip.hasSheet || broken) return <ClipThumb clip={{ ...clip, hasThumb: false }} large />;
  return (
    <div className="clip-sheet">
      <Image src={mediaUrl('clip-sheet', clip.id)} alt={clip.originalName} onError={() => setBroken(true)} />
    </div>
  );
}
