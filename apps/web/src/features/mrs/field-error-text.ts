import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { FIELD_MAX, type ConnectorField } from './connector-form.ts';

/** Set by setError for messages the server wrote; shown in its words. */
export const SERVER_ERROR = 'server';

/**
 * A refused value in the reader's language. The schema's issue code says what is wrong (zod's
 * messages are English); the server's own messages are shown as sent.
 */
export function fieldErrorText(
  t: TFunction<'mrs'>,
  field: ConnectorField,
  error: FieldError | undefined,
): string | undefined {
  if (!error) return undefined;
  switch (error.type) {
    case SERVER_ERROR:
      return t('validation.server', { message: error.message ?? '' });
    case 'too_small':
      return t('validation.required');
    case 'too_big':
      return t('validation.tooLong', { max: FIELD_MAX[field] ?? '' });
    case 'invalid_format':
      return t(`validation.pattern.${field}`, { defaultValue: error.message ?? '' });
    case 'invalid_value':
    case 'invalid_type':
      return t('validation.choose');
    case 'custom':
      return field === 'password' ? t('validation.masked') : (error.message ?? '');
    default:
      return error.message ?? t('validation.invalid');
  }
}
