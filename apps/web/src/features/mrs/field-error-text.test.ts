import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { fieldErrorText, SERVER_ERROR } from './field-error-text.ts';

const t = i18n.getFixedT('en', 'mrs');
const tz = i18n.getFixedT('zh-CN', 'mrs');

describe('field error text', () => {
  it('says what is wrong in the reader’s language, from the issue code', () => {
    expect(fieldErrorText(t, 'db_name', { type: 'too_small' })).toBe('Required.');
    expect(fieldErrorText(t, 'db_name', { type: 'too_big' })).toBe('At most 64 characters.');
    expect(fieldErrorText(t, 'password', { type: 'too_big' })).toBe('At most 128 characters.');
    expect(fieldErrorText(t, 'user_name', { type: 'invalid_format' })).toBe(
      'May hold only letters, digits and _ . @ -.',
    );
    expect(fieldErrorText(t, 'password', { type: 'custom' })).toMatch(/leave the field empty to keep the stored one/);
    expect(fieldErrorText(t, 'source_type', { type: 'invalid_value' })).toBe('Choose one of the listed values.');
    expect(fieldErrorText(tz, 'db_name', { type: 'too_small' })).toBe('必填。');
  });

  it('shows the server’s own words for a server refusal, and nothing without an error', () => {
    expect(fieldErrorText(t, 'db_name', { type: SERVER_ERROR, message: 'is reserved' })).toBe(
      'The server refused this value: is reserved',
    );
    expect(fieldErrorText(t, 'db_name', undefined)).toBeUndefined();
  });
});
