import { settings } from '../config/settings.ts';

/** Documents per page of the list (`/`, `/page/2/`, …): `PAGE_SIZE` (src/lib/corpus/environment.ts). */
export const PAGE_SIZE = settings().pageSize;
