import type { MrsSourceType } from '@dsc/api-types';
import { MRS_SOURCE_TYPES } from '@dsc/api-types/meta';
import {
  numberOfParam,
  oneOfParam,
  pageParam,
  searchValidator,
  textParam,
} from '../../lib/search-params.ts';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const mrsSearchDefaults = { page: 1, pageSize: 20 } as const;

export interface MrsSearch {
  page: number;
  pageSize: (typeof PAGE_SIZES)[number];
  name?: string | undefined;
  type?: MrsSourceType | undefined;
}

// Each bad value falls back on its own, so a hand-edited link never breaks the page.
export function parseMrsSearch(raw: Record<string, unknown>): MrsSearch {
  return {
    page: pageParam(raw.page, mrsSearchDefaults.page),
    pageSize: numberOfParam(raw.pageSize, PAGE_SIZES) ?? mrsSearchDefaults.pageSize,
    name: textParam(raw.name, 64),
    type: oneOfParam(raw.type, MRS_SOURCE_TYPES),
  };
}

export const validateMrsSearch = searchValidator(parseMrsSearch);
