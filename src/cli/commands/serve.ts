import { existsSync } from 'node:fs';
import path from 'node:path';
import { openCore } from '../../app-core.js';
import { startBridge } from '../../bridge/server.js';
import { projectRoot } from '../../resources/paths.js';
import { fail } from '../output.js';
import type { Command } from './command.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve --archive DIR [--port N] [--init] [--no-ocr]',
  options: { archive: { type: 'string' }, port: { type: 'string' }, init: { type: 'boolean' }, 'no-ocr': { type: 'boolean' } },
  async run({ values, json }) {
    const dir = values.archive as string | undefined;
    if (!dir) fail('serve needs --archive DIR', 'serve 需要 --archive 指定档案库文件夹');
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`--port ${String(values.port)} is not a port number`, `--port ${String(values.port)} 不是有效端口号`);
    const staticDir = path.join(projectRoot(), 'dist-renderer');
    if (!existsSync(path.join(staticDir, 'index.html'))) fail('the UI is not built: run `npm run build` first', '界面尚未构建：请先运行 npm run build');
    // As the desktop app does, new scans are read (OCR) in the background unless --no-ocr.
    const core = await openCore({ archiveDir: dir, createIfMissing: values.init === true, ocr: { auto: values['no-ocr'] !== true } });
    const bridge = await startBridge({ core, staticDir, port });
    if (json) process.stdout.write(JSON.stringify({ url: bridge.url, port: bridge.port, archive: core.archiveDir }) + '\n');
    else
      process.stdout.write(
        `卷宗 Juanzong 已启动 serving ${core.archiveDir}\n在浏览器中打开 Open in a browser:\n  ${bridge.url}\n按 Ctrl+C 停止 Press Ctrl+C to stop.\n`,
      );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await bridge.close();
    await core.close();
  },
};
