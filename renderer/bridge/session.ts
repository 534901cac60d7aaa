/** The session token lives in sessionStorage: it survives a reload, not a closed window. */
const KEY = 'juanzong.session';

export function getSessionToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setSessionToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage disabled: the session lasts as long as the page */
  }
}
