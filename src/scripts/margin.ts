/** Wide enough for notes in the margin: global.css sets the margin from the same width. */
export const MARGIN = matchMedia('(min-width: 62rem)');
