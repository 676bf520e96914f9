import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './pager.css';

export interface PagerProps {
  /** 1-based. */
  page: number;
  /** 0 means every row on one page ("All"). */
  pageSize: number;
  total: number;
  /** Rows actually on this page (the last page is usually short). */
  rowCount: number;
  onPageChange: (page: number) => void;
  /** 0 in this list is offered as "All". */
  pageSizes?: readonly number[] | undefined;
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
  disabled?: boolean | undefined;
  /** Adds first / last buttons and a page-number field to jump to. */
  jump?: boolean | undefined;
  /** For a "Skip to pager" link. */
  id?: string | undefined;
}

export function pageCount(total: number, pageSize: number): number {
  if (pageSize <= 0) return 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Paging with the position in the whole list: previous / next, optionally first / last and a jump. */
export function Pager({
  page,
  pageSize,
  total,
  rowCount,
  onPageChange,
  pageSizes,
  onPageSizeChange,
  disabled,
  jump,
  id,
}: PagerProps) {
  const { t } = useTranslation();
  const sizeId = useId();
  const pages = pageCount(total, pageSize);
  const from = rowCount === 0 ? 0 : pageSize <= 0 ? 1 : (page - 1) * pageSize + 1;
  const to = rowCount === 0 ? 0 : from + rowCount - 1;

  return (
    <nav id={id} tabIndex={id ? -1 : undefined} className="pager" aria-label={t('pager.label')}>
      <p className="pager__range">{t('pager.range', { from, to, total })}</p>
      {pageSizes && onPageSizeChange && (
        <span className="pager__size">
          <label htmlFor={sizeId}>{t('pager.pageSize')}</label>
          <select
            id={sizeId}
            className="select"
            value={pageSize}
            onChange={(e) => onPageSizeChange(Number(e.target.value))}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size <= 0 ? t('pager.all') : size}
              </option>
            ))}
          </select>
        </span>
      )}
      <span className="pager__buttons">
        {jump && (
          <PagerButton onClick={() => onPageChange(1)} disabled={disabled || page <= 1}>
            {t('pager.first')}
          </PagerButton>
        )}
        <PagerButton onClick={() => onPageChange(page - 1)} disabled={disabled || page <= 1}>
          {t('pager.previous')}
        </PagerButton>
        <span className="pager__page">{t('pager.page', { page, pages })}</span>
        <PagerButton onClick={() => onPageChange(page + 1)} disabled={disabled || page >= pages}>
          {t('pager.next')}
        </PagerButton>
        {jump && (
          <PagerButton onClick={() => onPageChange(pages)} disabled={disabled || page >= pages}>
            {t('pager.last')}
          </PagerButton>
        )}
      </span>
      {jump && pages > 1 && (
        <PageJump page={page} pages={pages} onJump={onPageChange} />
      )}
    </nav>
  );
}

function PageJump({
  page,
  pages,
  onJump,
}: {
  page: number;
  pages: number;
  onJump: (page: number) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [value, setValue] = useState(String(page));
  // The field shows the current page again after any navigation. It is not remounted for that
  // (a key would do it), because a remount drops the focus of a keyboard user who pressed Go. The
  // value is reset while rendering, not in an effect: an effect runs after the next paint, and
  // could overwrite a number typed straight after the page changed (then Go went nowhere).
  const [shownPage, setShownPage] = useState(page);
  if (shownPage !== page) {
    setShownPage(page);
    setValue(String(page));
  }
  return (
    <form
      className="pager__jump"
      // Out-of-range numbers are clamped below rather than refused by the browser.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const n = Math.trunc(Number(value));
        if (!Number.isFinite(n) || value.trim() === '') return;
        const target = Math.min(pages, Math.max(1, n));
        setValue(String(target));
        if (target !== page) onJump(target);
      }}
    >
      <label htmlFor={inputId}>{t('pager.jumpLabel')}</label>
      <input
        id={inputId}
        className="input pager__jump-input"
        type="number"
        inputMode="numeric"
        min={1}
        max={pages}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button">
        {t('pager.go')}
      </button>
    </form>
  );
}

/**
 * A pager button that stays focusable when it cannot act (aria-disabled, not disabled): the
 * `disabled` attribute would drop the focus of a keyboard user to <body> the moment the next page
 * starts loading or the last page is reached, and they would Tab all the way back.
 */
function PagerButton({ onClick, disabled, children }: { onClick: () => void; disabled: boolean | undefined; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button"
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}
