import { open } from 'node:fs/promises';

/**
 * A quick structural check of an ISO BMFF file (MP4, MOV, 3GP, M4A): walks the top-level boxes and
 * reports a box that runs past the end of the file (a recording cut off, e.g. the battery died) or a
 * missing `moov` index (never finalised). Reads only the box headers. Returns null when sound.
 */
export async function mp4Problem(file: string): Promise<[string, string] | null> {
  const h = await open(file, 'r');
  try {
    const size = (await h.stat()).size;
    const hdr = Buffer.alloc(16);
    let pos = 0;
    let moov = false;
    for (let i = 0; pos < size && i < 100_000; i++) {
      const { bytesRead } = await h.read(hdr, 0, 16, pos);
      if (bytesRead < 8) return [`truncated: ${size - pos} stray bytes at the end`, `文件不完整：末尾有 ${size - pos} 字节残缺数据`];
      let boxSize = hdr.readUInt32BE(0);
      const type = hdr.toString('latin1', 4, 8);
      if (!/^[\x20-\x7e]{4}$/.test(type)) return [`damaged: unreadable box header at byte ${pos}`, `文件已损坏：第 ${pos} 字节处的结构无法识别`];
      if (boxSize === 1) {
        if (bytesRead < 16) return [`truncated inside the '${type}' box header`, `文件不完整：“${type}”结构头残缺`];
        boxSize = Number(hdr.readBigUInt64BE(8));
      } else if (boxSize === 0) boxSize = size - pos;
      if (boxSize < 8) return [`damaged: box '${type}' at byte ${pos} has an impossible size`, `文件已损坏：第 ${pos} 字节处的“${type}”结构长度无效`];
      if (pos + boxSize > size) {
        return [
          `truncated: the '${type}' box needs ${pos + boxSize} bytes but the file ends at ${size} (recording cut off?)`,
          `文件不完整：“${type}”结构需要 ${pos + boxSize} 字节，文件只有 ${size} 字节（录像被中断？）`,
        ];
      }
      if (type === 'moov') moov = true;
      pos += boxSize;
    }
    if (!moov) return ['incomplete: no moov index (the recording was never finalised)', '文件不完整：缺少 moov 索引（录像未正常结束）'];
    return null;
  } finally {
    await h.close();
  }
}
