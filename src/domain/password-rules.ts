/**
 * Password rules for local accounts (docs/SECURITY.md, "Accounts"). Pure, so the renderer shows the
 * same rules while the user types and the core enforces them on `auth.setup` and `user.create`.
 */
export const PASSWORD_MIN_LENGTH = 10;

/** Character classes: lower-case letters, upper-case letters, digits, anything else (symbols, 汉字, spaces). */
const CLASSES: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];
const MIN_CLASSES = 2;

/**
 * Passwords that every guessing list tries first (the usual international ones and the ones common
 * in China: 5201314, woaini1314, 1qaz2wsx …), compared in lower case. Short on purpose: the back-off
 * and lockout stop online guessing; this list only refuses what would fall in the first ten guesses.
 */
const COMMON: ReadonlySet<string> = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '1111111111',
  '0000000000',
  '8888888888',
  '6666666666',
  '1234512345',
  '1234567890a',
  'a1234567890',
  'qwertyuiop',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'qazwsxedc123',
  'zxcvbnm123',
  'woaini1314',
  'woaini5201314',
  '5201314520',
  'iloveyou123',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'p@ssword123',
  'admin12345',
  'admin123456',
  'administrator',
  'abc1234567',
  'abcd123456',
  'aa12345678',
  'qwer123456',
  'asdf123456',
  'letmein123',
  'welcome123',
  'changeme123',
  'juanzong123',
  'juanzong2024',
  'juanzong2025',
  'juanzong2026',
]);
/** Words that stay guessable with digits or symbols around them (`Password2024!`). */
const BASE_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passw',
  'qwerty',
  'admin',
  'administrator',
  'iloveyou',
  'woaini',
  'juanzong',
  'letmein',
  'welcome',
  'abcdef',
  'abcdefg',
]);

export type PasswordProblem = 'too_short' | 'few_classes' | 'contains_username' | 'common' | 'repetitive';

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { en: string; zh: string }> = {
  too_short: { en: `must be at least ${PASSWORD_MIN_LENGTH} characters`, zh: `至少 ${PASSWORD_MIN_LENGTH} 个字符` },
  few_classes: {
    en: 'must mix at least two of: lower-case letters, upper-case letters, digits, other characters',
    zh: '须至少包含小写字母、大写字母、数字、其他字符中的两类',
  },
  contains_username: { en: 'must not contain the user name', zh: '不能包含用户名' },
  common: { en: 'is one of the most common passwords', zh: '是常见密码，容易被猜中' },
  repetitive: { en: 'repeats too few different characters', zh: '重复字符过多' },
};

/** What is wrong with `password` for the account `username` (empty: acceptable). */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) out.push('too_short');
  if (CLASSES.filter((c) => c.test(password)).length < MIN_CLASSES) out.push('few_classes');
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && (lower.includes(name) || lower.includes([...name].reverse().join('')))) out.push('contains_username');
  const letters = lower.replace(/[^a-z]/g, '');
  if (COMMON.has(lower) || (BASE_WORDS.has(letters) && letters.length >= chars.length - 5)) out.push('common');
  if (new Set(chars).size < 4) out.push('repetitive');
  return out;
}

/** One line naming every problem, in English and in Chinese. */
export function describePasswordProblems(problems: readonly PasswordProblem[]): { en: string; zh: string } {
  return {
    en: `password ${problems.map((p) => PASSWORD_PROBLEM_TEXT[p].en).join('; ')}`,
    zh: `密码${problems.map((p) => PASSWORD_PROBLEM_TEXT[p].zh).join('；')}`,
  };
}
