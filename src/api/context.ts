import type { Transport } from './contract.js';
import type { UserInfo } from './types.js';

/** Who is calling, and how. Every handler receives one; `user` is null only for public operations. */
export interface CallContext {
  user: UserInfo | null;
  transport: Transport;
  sessionToken?: string;
  /** Where the call comes from, for the sign-in back-off (the bridge: `http:<peer>`); the transport otherwise. */
  address?: string;
}
