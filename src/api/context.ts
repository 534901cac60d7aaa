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

/** What a transport hands `invoke` besides the name and input. */
export interface InvokeContext {
  transport: Transport;
  sessionToken?: string;
  /** See CallContext.address. */
  address?: string;
  /** The desktop shell: paths the user picked in the system chooser this session (src/auth/picked-paths.ts). */
  pickedPaths?: { read: readonly string[]; write: readonly string[] };
}
