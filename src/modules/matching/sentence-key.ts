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
