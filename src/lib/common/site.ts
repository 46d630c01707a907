/** The site's name, as pages, feeds, citations and cards show it. */
export const SITE_NAME = 'Annotated Reader';
