/**
 * Guessing a seed's language from the scripts it is written in, for the
 * document's `lang` (a BCP 47 tag): `ja` when it has kana and more kana and
 * Han than Latin letters, `zh` when Han outnumbers Latin, `en` otherwise.
 */

/** The document's language, guessed from its scripts: `ja`, `zh` or `en`. */
export function guessLanguage(text: string): string {
  const kana = (text.match(/[\u3040-\u30ff]/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (kana > 0 && kana + han > latin) return 'ja';
  if (han > latin) return 'zh';
  return 'en';
}

/** Whether text has characters of a script written without spaces between words (Chinese, Japanese), where a word may start anywhere. */
export function writtenWithoutSpaces(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
}
