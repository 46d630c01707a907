/** opentype.js ships no types; src/data/card/fonts.ts types the few parts it uses. */
declare module 'opentype.js' {
  const api: unknown;
  export default api;
}
