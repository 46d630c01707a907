// CSS lint: mistakes (stylelint-config-recommended; Prettier owns the layout) and CSS that a supported
// browser would ignore. The supported browsers are package.json's "browserslist".
/** @type {import('stylelint').Config} */
export default {
  extends: ['stylelint-config-recommended'],
  plugins: ['stylelint-no-unsupported-browser-features'],
  rules: {
    'plugin/no-unsupported-browser-features': [
      true,
      {
        severity: 'error',
        ignore: [
          // caniuse's "text-decoration styling" is partial in every engine (text-decoration-skip), so it flags the
          // longhands too. The part that bites, Safari dropping a shorthand with more than a line, is forbidden below.
          'text-decoration',
          // html's text-size-adjust (with -webkit- for Safari) stops phones inflating text; a browser that ignores it
          // (desktop Firefox and Safari) does not inflate text either.
          'text-size-adjust',
          // Partial: shapes in external SVGs. We clip with inset() only.
          'css-clip-path',
          // Partial in Safari: no isolate-override or plaintext. We use isolate.
          'css-unicode-bidi',
          // Partial: break-*: avoid inside columns, avoid-column, avoid-page. We use break-inside: avoid in print (pages).
          'multicolumn',
          // Partial in Firefox: stretch (-moz-available) and heights. We use width: max-content.
          'intrinsic-width',
          // Partial: a button or table with display: contents leaves the accessibility tree. We use it on a plain
          // span around the search's filter chips.
          'css-display-contents',
        ],
      },
    ],
    // WebKit drops `text-decoration: underline dotted <color> <thickness>` whole, so Safari showed no underline
    // under a noted phrase (issue 33). A keyword alone (none, underline) is fine; more than one value: the longhands.
    'declaration-property-value-disallowed-list': [
      { 'text-decoration': [/\s/] },
      { message: 'Write text-decoration-line, -style, -color and -thickness: WebKit drops the multi-value shorthand' },
    ],
  },
  overrides: [
    // A component's <style> is CSS too.
    { files: ['**/*.astro'], customSyntax: 'postcss-html' },
  ],
};
