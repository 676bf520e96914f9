import type { SavedView } from '@dsc/api-types';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bffRequest } from '../../lib/api-client.ts';
import { loadAnswerSchemas } from '../../lib/api-schemas.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { ErrorState } from '../../ui/error-state.tsx';

const PATH = '/api/saved-views';
const schema = async () => (await loadAnswerSchemas()).SavedViews;
const savedViewsKey = ['saved-views'] as const;

const savedViewsOptions = () =>
  queryOptions({
    queryKey: savedViewsKey,
    queryFn: ({ signal }) => bffRequest({ method: 'GET', path: PATH, schema, signal }),
  });

/** The list's own search, without the leading "?" (what a saved view keeps). */
const currentSearch = () => window.location.search.replace(/^\?/, '');

/**
 * Named views of this list, kept per user on the server: save the current filters and sort, open
 * one (it is a link), share its link, mark favourites (listed first), remove.
 */
export function SavedViews() {
  const { t } = useTranslation('connections');
  const queryClient = useQueryClient();
  const query = useQuery(savedViewsOptions());
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: (views: SavedView[]) => bffRequest({ method: 'PUT', path: PATH, body: { views }, schema }),
    onSuccess: (data) => queryClient.setQueryData(savedViewsKey, data),
  });
  const views = query.data?.views ?? [];
  const mine = views
    .filter((v) => v.page === 'connections')
    .sort((a, b) => Number(b.favourite) - Number(a.favourite) || a.name.localeCompare(b.name));
  const replace = (next: SavedView[]) => save.mutate(next);

  return (
    <details className="saved-views column-chooser">
      <summary className="button column-chooser__summary">{t('savedViews.button', { count: mine.length })}</summary>
      <div className="column-chooser__panel saved-views__panel">
        <form
          className="saved-views__save"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) return;
            const others = views.filter((v) => !(v.page === 'connections' && v.name === trimmed));
            replace([...others, { name: trimmed, page: 'connections', search: currentSearch(), favourite: false }]);
            setName('');
          }}
        >
          <label>
            {t('savedViews.name')}{' '}
            <input className="input" value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
          </label>{' '}
          <button type="submit" className="button" disabled={!name.trim() || save.isPending}>
            {t('savedViews.save')}
          </button>
        </form>
        {save.isError && <ErrorState error={save.error} />}
        {mine.length === 0 ? (
          <p className="muted">{t('savedViews.empty')}</p>
        ) : (
          <ul className="saved-views__list">
            {mine.map((v) => {
              const href = `/connections${v.search ? `?${v.search}` : ''}`;
              return (
                <li key={v.name} className="saved-views__item">
                  <button
                    type="button"
                    className="button button--link"
                    aria-pressed={v.favourite}
                    aria-label={t(v.favourite ? 'savedViews.unfavourite' : 'savedViews.favourite', { name: v.name })}
                    onClick={() => replace(views.map((x) => (x === v ? { ...x, favourite: !x.favourite } : x)))}
                  >
                    {v.favourite ? '★' : '☆'}
                  </button>{' '}
                  <a href={href} className="saved-views__link">
                    {v.name}
                  </a>{' '}
                  <CopyButton value={new URL(href, window.location.origin).href} label={t('savedViews.copy', { name: v.name })} />
                  <button
                    type="button"
                    className="button button--link"
                    aria-label={t('savedViews.remove', { name: v.name })}
                    onClick={() => replace(views.filter((x) => x !== v))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </details>
  );
}
