import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo, UserInfo } from '../../../src/api/types';
import { ClientError, invoke, setUnauthenticatedHandler } from '../../bridge/client';
import { mayCall } from '../../bridge/permissions';
import { getSessionToken, setSessionToken } from '../../bridge/session';

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'offline'; error: ClientError }
  | { phase: 'setup'; archiveName: string }
  | { phase: 'login'; archiveName: string; expired: boolean }
  | { phase: 'ready'; user: UserInfo };

interface SessionApi {
  state: SessionState;
  user: UserInfo | null;
  canWrite: boolean;
  signedIn: (s: SessionInfo) => void;
  logout: () => Promise<void>;
  retry: () => void;
}

const Ctx = createContext<SessionApi | null>(null);

async function resolveState(expired = false): Promise<SessionState> {
  if (getSessionToken()) {
    try {
      return { phase: 'ready', user: await invoke('auth.me', {}) };
    } catch (e) {
      if (!(e instanceof ClientError) || e.code !== 'unauthenticated') throw e;
      setSessionToken(null);
      expired = true;
    }
  }
  const status = await invoke('auth.status', {});
  return status.needsSetup ? { phase: 'setup', archiveName: status.archiveName } : { phase: 'login', archiveName: status.archiveName, expired };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    resolveState()
      .then((s) => live && setState(s))
      .catch((e: unknown) => {
        if (!live) return;
        setState({
          phase: 'offline',
          error: e instanceof ClientError ? e : new ClientError({ code: 'io_error', message: String(e), messageZh: String(e) }),
        });
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setSessionToken(null);
      resolveState(true)
        .then(setState)
        .catch(() => setAttempt((a) => a + 1));
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signedIn = useCallback((s: SessionInfo) => {
    setSessionToken(s.token);
    setState({ phase: 'ready', user: s.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await invoke('auth.logout', {});
    } catch {
      /* the session is dropped locally either way */
    }
    setSessionToken(null);
    setState({ phase: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const value = useMemo<SessionApi>(() => {
    const user = state.phase === 'ready' ? state.user : null;
    return { state, user, canWrite: mayCall(user?.role, 'case.create'), signedIn, logout, retry: () => setAttempt((a) => a + 1) };
  }, [state, signedIn, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside <SessionProvider>');
  return v;
}

/** The signed-in user (only inside the app layout, where a session exists). */
export function useUser(): { user: UserInfo; canWrite: boolean } {
  const { user, canWrite } = useSession();
  if (!user) throw new Error('useUser without a session');
  return { user, canWrite };
}
