import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../src/domain/password-rules.js';

describe('password rules', () => {
  it('accept long passwords that mix two kinds of characters and avoid the user name', () => {
    expect(passwordProblems('secret-pass-1', 'dangan')).toEqual([]);
    expect(passwordProblems('juanzong-demo', 'dangan')).toEqual([]);
    expect(passwordProblems('档案室钥匙在三楼abc', 'dangan')).toEqual([]);
  });

  it('name each problem', () => {
    expect(passwordProblems('Ab1!', 'x')).toContain('too_short');
    expect(passwordProblems('abcdefghijkl', 'x')).toEqual(['few_classes']);
    expect(passwordProblems('xx-dangan-2024', 'dangan')).toEqual(['contains_username']);
    expect(passwordProblems('XX-NAGNAD-2024', 'dangan')).toEqual(['contains_username']);
    expect(passwordProblems('woaini1314', 'x')).toContain('common');
    expect(passwordProblems('Password2024!', 'x')).toEqual(['common']);
    expect(passwordProblems('1qaz2wsx3edc', 'x')).toContain('common');
    expect(passwordProblems('aaaaaaaaaaa1', 'x')).toEqual(['repetitive']);
  });
});
