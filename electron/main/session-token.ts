/**
 * The session token of our window, learnt from successful 'auth.login' / 'auth.setup' results as
 * they pass through IPC and forgotten on 'auth.logout'. The media scheme needs it: an <img> or
 * <video> request carries no token of its own. Pure, so it is unit-tested beside the range helper.
 */
export class SessionTokenTracker {
  #token: string | undefined;

  get token(): string | undefined {
    return this.#token;
  }

  /** Looks at one call and its result; `usedToken` is the token the call was made with. */
  observe(name: string, result: unknown, usedToken: string | undefined): void {
    if (name === 'auth.logout') {
      this.#token = undefined;
      return;
    }
    if (!isRecord(result)) return;
    if (result.ok === true && (name === 'auth.login' || name === 'auth.setup')) {
      const value = result.value;
      if (isRecord(value) && typeof value.token === 'string') this.#token = value.token;
      return;
    }
    // The session we hold has expired or was revoked: stop lending it to media requests.
    if (result.ok === false && isRecord(result.error) && result.error.code === 'unauthenticated' && usedToken === this.#token) {
      this.#token = undefined;
    }
  }

  clear(): void {
    this.#token = undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
