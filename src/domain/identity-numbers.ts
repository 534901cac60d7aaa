/**
 * 居民身份证号码 (GB 11643) and 统一社会信用代码 (GB 32100) checks.
 * Masked numbers (trailing `X` characters, as printed on redacted copies) are accepted: the checksum is
 * only verified when the number carries no mask.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isResidentId(value: string): boolean {
  if (!/^\d{6}(\d|X){11}[\dX]$/.test(value)) return false;
  const body = value.slice(0, 17);
  if (body.includes('X')) return /^\d+X+$/.test(value); // redacted: digits then only X
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  if (/X{3,}/.test(value)) return true; // redacted copy
  const sum = CREDIT_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CHARS.indexOf(value[i]!), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === value[17];
}
