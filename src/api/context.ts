import type { Transport } from './contract.js';
import type { UserInfo } from './types.js';

/** Who is calling, and how. Every handler receives one; `user` is null only for public operations. */
export interface CallContext {
  user: UserInfo | null;
  transport: Transport;
  sessionToken?: string;
}
