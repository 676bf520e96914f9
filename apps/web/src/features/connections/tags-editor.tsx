import type { Tag } from '@dsc/api-types';
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from './field-message.ts';

export const MAX_TAGS = 20;

/** Any form with a `tags` list of {key, value}. */
interface WithTags {
  tags?: Tag[] | undefined;
}

export interface TagsEditorProps<F extends WithTags> {
  id: string;
  control: Control<F>;
  register: UseFormRegister<F>;
  errors: FieldErrors<WithTags>['tags'];
  disabled?: boolean | undefined;
}

/** Rows that reuse a key: each maps to the row that used it first. */
export function duplicateTagKeys(tags: readonly Pick<Tag, 'key'>[] | undefined): Map<number, number> {
  const first = new Map<string, number>();
  const dupes = new Map<number, number>();
  tags?.forEach((tag, i) => {
    if (tag.key === '') return;
    const seen = first.get(tag.key);
    if (seen === undefined) first.set(tag.key, i);
    else dupes.set(i, seen);
  });
  return dupes;
}

/** Key/value rows with the documented tag rules stated up front and errors on the row they concern. */
export function TagsEditor<F extends WithTags>({ id, control, register, errors, disabled }: TagsEditorProps<F>) {
  const { t } = useTranslation('connections');
  // The generic form is narrowed to its `tags` part, which is all this editor touches.
  const c = control as unknown as Control<WithTags>;
  const reg = register as unknown as UseFormRegister<WithTags>;
  const { fields, append, remove } = useFieldArray({ control: c, name: 'tags' });
  const tags = useWatch({ control: c, name: 'tags' });
  const dupes = duplicateTagKeys(tags);
  const hintId = `${id}-hint`;
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <div className="tags-editor">
      <p id={hintId} className="field-hint">
        {t('editor.tags.rules', { max: MAX_TAGS })}
      </p>
      {fields.length > 0 && (
        <table className="tags-editor__table">
          <thead>
            <tr>
              <th scope="col">{t('editor.tags.key')}</th>
              <th scope="col">{t('editor.tags.value')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('editor.tags.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, i) => {
              const row = i + 1;
              const keyId = `${id}-${i}-key`;
              const valueId = `${id}-${i}-value`;
              const dupeOf = dupes.get(i);
              const keyError =
                fieldMessage(t, errors?.[i]?.key?.message) ??
                (dupeOf !== undefined ? t('editor.tags.duplicate', { row: dupeOf + 1 }) : undefined);
              const valueError = fieldMessage(t, errors?.[i]?.value?.message);
              return (
                <tr key={field.id}>
                  <td>
                    <input
                      id={keyId}
                      className="input"
                      aria-label={t('editor.tags.keyLabel', { row })}
                      aria-invalid={keyError ? true : undefined}
                      aria-describedby={keyError ? `${keyId}-error ${hintId}` : hintId}
                      maxLength={200}
                      autoComplete="off"
                      disabled={disabled}
                      {...reg(`tags.${i}.key`)}
                    />
                    {keyError && (
                      <span id={`${keyId}-error`} className="field-error">
                        {keyError}
                      </span>
                    )}
                  </td>
                  <td>
                    <input
                      id={valueId}
                      className="input"
                      aria-label={t('editor.tags.valueLabel', { row })}
                      aria-invalid={valueError ? true : undefined}
                      aria-describedby={valueError ? `${valueId}-error ${hintId}` : hintId}
                      maxLength={300}
                      autoComplete="off"
                      disabled={disabled}
                      {...reg(`tags.${i}.value`)}
                    />
                    {valueError && (
                      <span id={`${valueId}-error`} className="field-error">
                        {valueError}
                      </span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('editor.tags.removeLabel', { row })}
                      disabled={disabled}
                      onClick={() => remove(i)}
                    >
                      {t('editor.tags.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="tags-editor__footer">
        <button
          type="button"
          className="button"
          disabled={disabled || fields.length >= MAX_TAGS}
          onClick={() => append({ key: '', value: '' }, { shouldFocus: true })}
        >
          {t('editor.tags.add')}
        </button>
        {fields.length >= MAX_TAGS && <span className="muted">{t('editor.tags.full', { max: MAX_TAGS })}</span>}
      </div>
      {listError && (
        <p className="field-error" role="alert">
          {fieldMessage(t, listError)}
        </p>
      )}
    </div>
  );
}
