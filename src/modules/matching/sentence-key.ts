import { createHash } from 'node:crypto';
import { foldText } from './normalise';

/** A sentence's words, folded (case, accents, quotes, punctuation and spacing do not count). */
export function sentenceKeyText(sentence: string): string {
  return foldText(sentence)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The stored key of a sentence: a hash of its folded words (a fixed size to index on both databases). */
export function sentenceKey(sentence: string): string {
  return createHash('sha256').update(sentenceKeyText(sentence)).digest('hex');
}

/**
 * The stored key of a claim's words as imports tell one claim from another: sentenceKey's, with
 * case folded in full first. foldText reads "US" as the country before it lowers case, so on
 * its own "US" and "us" would be different words; here every spelling of a text that differs
 * only in case, spacing, accents, quotes or punctuation has one key. Null for a text with no
 * letter or digit: nothing to tell it by.
 */
export function claimTextKey(text: string): string | null {
  const words = sentenceKeyText(text.toLowerCase().toUpperCase());
  // Words of no letter or digit (emoji, punctuation) would all be one text.
  return words === '' ? null : createHash('sha256').update(words).digest('hex');
}
