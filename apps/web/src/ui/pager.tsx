import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './pager.css';

export interface PagerProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  /** Rows actually on this page (the last page is usually short). */
  rowCount: number;
  onPageChange: (page: number) => void;
  pageSizes?: readonly number[] | undefined;
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
  disabled?: boolean | undefined;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Previous / next paging with the position in the whole list. */
export function Pager({
  page,
  pageSize,
  total,
  rowCount,
  onPageChange,
  pageSizes,
  onPageSizeChange,
  disabled,
}: PagerProps) {
  const { t } = useTranslation();
  const sizeId = useId();
  const pages = pageCount(total, pageSize);
  const from = rowCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = rowCount === 0 ? 0 : from + rowCount - 1;

  return (
    <nav className="pager" aria-label={t('pager.label')}>
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
                {size}
              </option>
            ))}
          </select>
        </span>
      )}
      <span className="pager__buttons">
        <button
          type="button"
          className="button"
          onClick={() => onPageChange(page - 1)}
          disabled={disabled || page <= 1}
        >
          {t('pager.previous')}
        </button>
        <span className="pager__page">{t('pager.page', { page, pages })}</span>
        <button
          type="button"
          className="button"
          onClick={() => onPageChange(page + 1)}
          disabled={disabled || page >= pages}
        >
          {t('pager.next')}
        </button>
      </span>
    </nav>
  );
}
