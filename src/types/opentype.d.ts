/** opentype.js ships no types; src/card-renderer/fonts.ts types the few parts it uses. */
declare module 'opentype.js' {
  const api: unknown;
  export default api;
}
