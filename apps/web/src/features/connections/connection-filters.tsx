import { useTranslation } from 'react-i18next';
import { FilterField } from '../../ui/filter-field.tsx';
import {
  CONNECTION_STATUSES,
  QUEUE_STATUS_FILTERS,
  SORTS,
  type ConnectionsSearch,
} from './search.ts';
import { EMPTY_TAG_ROW, TagsFilterEditor } from './tags-filter-editor.tsx';
import { formatTagFilter, parseTagFilter, tagPairProblem, type TagPair } from './tags-filter.ts';
import { useUrlDraft } from '../../lib/use-url-draft.ts';
import { LiveNameFilter } from '../../ui/live-name-filter.tsx';

export interface ConnectionFiltersProps {
  search: ConnectionsSearch;
  /** Merges into the URL state; filters that change what upstream returns go back to page 1. */
  onChange: (next: Partial<ConnectionsSearch>) => void;
  onReset: () => void;
}

const tagRowsFromUrl = (text: string): TagPair[] =>
  (text ? parseTagFilter(text) : undefined) ?? [EMPTY_TAG_ROW];

function serialiseTags(rows: readonly TagPair[]): string | undefined {
  if (rows.some((r, i) => tagPairProblem(r, i, rows))) return undefined;
  return formatTagFilter(rows) ?? '';
}

export function ConnectionFilters({ search, onChange, onReset }: ConnectionFiltersProps) {
  const { t } = useTranslation('connections');

  const name = useUrlDraft<string>({
    urlValue: search.name ?? '',
    serialise: (v) => v.trim(),
    fromUrl: (v) => v,
    commit: (v) => onChange({ name: v || undefined, page: 1 }),
  });
  const tags = useUrlDraft<TagPair[]>({
    urlValue: search.tags ?? '',
    serialise: serialiseTags,
    fromUrl: tagRowsFromUrl,
    commit: (v) => onChange({ tags: v || undefined, page: 1 }),
  });

  return (
    <form
      className="connection-filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="toolbar connection-filters__row">
        <FilterField label={t('filters.name')}>
          {({ id }) => <LiveNameFilter id={id} name={name} className="connection-filters__name" />}
        </FilterField>
        <FilterField label={t('filters.status')}>
          {({ id }) => (
            <select
              id={id}
              className="select"
              value={search.status ?? ''}
              onChange={(e) =>
                onChange({
                  status: CONNECTION_STATUSES.find((s) => s === e.target.value),
                  page: 1,
                })
              }
            >
              <option value="">{t('filters.anyStatus')}</option>
              {CONNECTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`filters.statusOption.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label={t('filters.queues')}>
          {({ id }) => (
            <select
              id={id}
              className="select"
              value={search.queues ?? ''}
              onChange={(e) =>
                onChange({ queues: QUEUE_STATUS_FILTERS.find((s) => s === e.target.value) })
              }
            >
              <option value="">{t('filters.anyQueueStatus')}</option>
              {QUEUE_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {t(`filters.queueOption.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label={t('filters.sort')} hint={t('sort.hintAll')}>
          {({ id, describedBy }) => (
            <select
              id={id}
              className="select"
              value={search.sort}
              aria-describedby={describedBy}
              onChange={(e) => {
                const sort = SORTS.find((s) => s === e.target.value);
                if (sort) onChange({ sort });
              }}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.options.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <button type="button" className="button connection-filters__reset" onClick={onReset}>
          {t('filters.reset')}
        </button>
      </div>
      <TagsFilterEditor rows={tags.draft} onChange={tags.setDraft} onEnter={tags.flush} />
    </form>
  );
}
