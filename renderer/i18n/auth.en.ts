import type { authZhCN } from './auth.zh-CN.js';

/** English for sign-in and first-run setup; same keys as auth.zh-CN.ts. */
export const authEn: Record<keyof typeof authZhCN, string> = {
  'auth.login': 'Sign in',
  'auth.logout': 'Sign out',
  'auth.username': 'User name',
  'auth.password': 'Password',
  'auth.passwordAgain': 'Confirm password',
  'auth.displayName': 'Full name',
  'auth.loginTitle': 'Sign in to Juanzong',
  'auth.setupTitle': 'Create the administrator account',
  'auth.setupHint':
    'This archive is new. Create the administrator first; the administrator can then open accounts for archivists, supervisors and inspectors under Settings.',
  'auth.setupSubmit': 'Create and sign in',
  'auth.usernameRule': '2–32 letters, digits, underscores, dots or hyphens',
  'auth.lockedHint': 'The account is locked: ask an administrator to click “Unlock” under Settings — Users.',
  'auth.throttledHint': 'After repeated failed sign-ins you must wait a little before trying again, so that passwords cannot be guessed.',
  'auth.passwordRule': 'At least 10 characters',
  'auth.passwordMismatch': 'The passwords do not match',
  'auth.sessionExpired': 'Your session has ended; please sign in again',
  'auth.changePassword': 'Change password',
  'auth.userMenu': 'Account menu: {name}',
  'auth.oldPassword': 'Current password',
  'auth.newPassword': 'New password',
  'auth.newPasswordAgain': 'Confirm new password',
  'auth.passwordChanged': 'Password changed; this account has been signed out everywhere else',
  'auth.mustChangePassword': 'An administrator set a temporary password for you: choose your own new password before you go on.',

  'role.label': 'Role',
};
