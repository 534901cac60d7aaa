import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { fail } from './output.js';

/** JUANZONG_PASSWORD, else a prompt on the terminal that does not echo. */
export async function readPassword(prompt: string): Promise<string> {
  const env = process.env.JUANZONG_PASSWORD;
  if (env) return env;
  if (!process.stdin.isTTY)
    fail('no password: set JUANZONG_PASSWORD or run in a terminal', '未提供密码：请设置 JUANZONG_PASSWORD 环境变量或在终端中运行', 'unauthenticated');
  let muted = false;
  const out = new Writable({
    write(chunk, enc, cb) {
      if (!muted) process.stderr.write(chunk, enc);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
