/** Documents per page of the list (`/`, `/page/2/`, …); `PAGE_SIZE` in the environment overrides it. */
export const PAGE_SIZE = Number(process.env.PAGE_SIZE ?? 20);
