/**
 * The words of a text as claim matching compares them: pure functions, no I/O.
 *
 * Two texts that say the same thing should give the same terms whatever their case, accents,
 * quotes, apostrophes and punctuation, word order, inflection, and however their numbers are
 * written ("forty thousand", "40,000" and "40000" are the term `40000`). Function words are
 * dropped; negations are kept apart (a claim and its denial share their content words).
 */

/** A text's terms: content stems and numbers, and how many negations it holds. */
export interface Terms {
  /** Stemmed content words, canonical synonyms applied. */
  readonly words: readonly string[];
  /** Numbers, as digits without grouping ("40000", "1.5"). */
  readonly numbers: readonly string[];
  /** Negating words ("not", "never", "no") and "n't" contractions. */
  readonly negations: number;
}

const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those there here of to in on at by for from with without ' +
    'as into onto about above below over under between through during before after since until while ' +
    'is are was were be been being am do does did done doing have has had having will would shall should ' +
    'can could may might must it its it s he him his she her hers they them their theirs we us our ours you your ' +
    'yours i me my mine who whom whose which what when where why how all any both each few more most other some ' +
    'such own same so too very just also only even still yet already again ever once up down out off per via ' +
    'according said says say saying stated stating statement s t d ll re ve m one st nd rd th'
  ).split(' '),
);

/**
 * A word table as a Map: a plain object's lookups (`word in table`, `table[word]`) also find
 * Object.prototype's names, and read "constructor" as a number word. A Map is faster too.
 */
function lookup<V>(entries: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without']);

/**
 * Words a paraphrase commonly swaps for one another, mapped (after stemming) to one stem. Kept
 * small and general: reporting verbs, death and killing, troops, the United States.
 */
const SYNONYMS = lookup<string>({
  kill: 'die',
  death: 'die',
  dead: 'die',
  fatal: 'die',
  troop: 'soldier',
  servicemen: 'soldier',
  serviceman: 'soldier',
  america: 'usa',
  american: 'usa',
  caution: 'warn',
  died: 'die',
  ukrainian: 'ukrain',
  russian: 'russia',
  countri: 'nation',
  begin: 'start',
  respons: 'repli',
  defenc: 'defens',
  respond: 'repli',
  retort: 'repli',
  answer: 'repli',
  label: 'call',
  dub: 'call',
  brand: 'call',
  nearli: 'around',
  approxim: 'around',
  roughli: 'around',
  propos: 'call',
  urg: 'call',
});

const SMALL = lookup<number>({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});
const SCALES = lookup<number>({ hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 });

const NON_ASCII = /[^\t-~]/;

/** Folds case, accents, quotes, apostrophes and dashes; "U.S." and "US" become "usa". */
export function foldText(text: string): string {
  // Plain ASCII has no accents to take off.
  return (
    (NON_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}+/gu, '') : text)
      // The United States before case is lost: "US" would otherwise read as "us".
      .replace(/\bU\.?S\.?A?\.?(?=[^\p{L}]|$)/gu, ' usa ')
      .replace(/\bUnited States\b/gi, ' usa ')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201B\u2032\u02BC`´]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
  );
}

/** "40,000", "40 000", "1.5" and "40000" as one number; grouping separators dropped. */
const DIGITS = /\d{1,3}(?:[,\u00A0\u202F ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** The terms of a text. */
export function termsOf(text: string): Terms {
  const folded = foldText(text)
    // Possessives and contractions: "Ukraine's" is "Ukraine", "isn't" a negation.
    .replace(/n't\b/g, ' not ')
    .replace(/'s\b/g, ' ')
    .replace(/'/g, '');
  const numbers: string[] = [];
  const words: string[] = [];
  let negations = 0;
  // Digits first, so that "40,000" is one number before punctuation splits it.
  const tokens: string[] = [];
  let last = 0;
  for (const match of folded.matchAll(DIGITS)) {
    tokens.push(...wordsIn(folded.slice(last, match.index)));
    tokens.push(`#${match[0].replace(/[,\u00A0\u202F ]/g, '')}`);
    last = match.index + match[0].length;
  }
  tokens.push(...wordsIn(folded.slice(last)));
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const spelled = readNumber(tokens, i);
    if (spelled) {
      numbers.push(canonicalNumber(spelled.value));
      i = spelled.next - 1;
      continue;
    }
    if (token.startsWith('#')) {
      numbers.push(canonicalNumber(Number(token.slice(1))));
      continue;
    }
    if (NEGATIONS.has(token)) {
      negations += 1;
      continue;
    }
    if (STOPWORDS.has(token)) continue;
    words.push(contentTerm(token));
  }
  return { words, numbers, negations };
}

/**
 * Content words' terms as they are worked out, shared by every text: a suggestedClaims request
 * normalises thousands of sentences and claims over a vocabulary that repeats. Bounded: cleared
 * when full.
 */
const contentTerms = new Map<string, string>();
const MAX_CONTENT_TERMS = 50_000;

/** A content word's term: its stem, the canonical synonym applied. */
function contentTerm(token: string): string {
  let term = contentTerms.get(token);
  if (term === undefined) {
    const stemmed = stem(token);
    term = SYNONYMS.get(stemmed) ?? stemmed;
    if (contentTerms.size >= MAX_CONTENT_TERMS) contentTerms.clear();
    contentTerms.set(token, term);
  }
  return term;
}

function wordsIn(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function canonicalNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : 'NaN';
}

/**
 * A number starting at tokens[i]: digits followed by a scale ("13 thousand", "1.5 million") or
 * number words ("forty thousand", "twenty-six", "two hundred and five"). Null when none starts
 * there ("one" alone is read as a number only before a scale: "one of them" is not 1).
 */
function readNumber(tokens: readonly string[], i: number): { value: number; next: number } | null {
  const first = tokens[i];
  if (first.startsWith('#')) {
    const scale = SCALES.get(tokens[i + 1] ?? '');
    return scale ? { value: Number(first.slice(1)) * scale, next: i + 2 } : null;
  }
  if (!SMALL.has(first) && !SCALES.has(first)) return null;
  if (first === 'one' && !SCALES.has(tokens[i + 1] ?? '')) return null;
  let total = 0;
  let current = 0;
  let next = i;
  let seen = false;
  for (; next < tokens.length; next += 1) {
    const token = tokens[next];
    const small = SMALL.get(token);
    const scale = SCALES.get(token);
    if (small !== undefined) {
      current += small;
      seen = true;
    } else if (scale !== undefined) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else if (token === 'and' && seen && SMALL.has(tokens[next + 1] ?? '')) {
      continue;
    } else break;
  }
  return seen ? { value: total + current, next } : null;
}

/**
 * A light suffix stemmer (after Porter's first steps): plurals, -ed and -ing, -ly, and a few
 * derivational endings. Both sides of a comparison go through it, so what matters is that
 * inflections of a word meet, not that the stems are dictionary words.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  // British and American spellings meet: -ise as -ize.
  let w = word.length > 5 ? word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1') : word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = `${w.slice(0, -3)}i`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  const vowelIn = (s: string) => /[aeiouy]/.test(s);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && vowelIn(w.slice(0, -suffix.length)) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith('y') && w.length > 3 && !/[aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  for (const [suffix, replacement] of [
    ['ational', 'ate'],
    ['ization', 'ize'],
    ['fulness', 'ful'],
    ['iveness', 'ive'],
    ['ation', 'ate'],
    ['ement', ''],
    ['ance', ''],
    ['ment', ''],
    ['ness', ''],
    ['ity', ''],
    ['li', ''],
    ['al', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // Porter's last step: a final e, and a doubled l, go.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('ll') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * What a text's terms give a full-text engine to find candidates with: each content word as
 * typed (folded; the engines stem it themselves), and each number as it may be stored: its
 * digits, and its digits in groups of three ("40 000": how both engines split "40,000").
 */
export interface EngineTerm {
  /** Alternatives; each alternative is a phrase of one or more tokens. */
  readonly forms: readonly (readonly string[])[];
}

export function engineTermsOf(text: string): EngineTerm[] {
  const folded = foldText(text).replace(/n't\b/g, ' ').replace(/'s\b/g, ' ').replace(/'/g, '');
  const out = new Map<string, EngineTerm>();
  const tokens: string[] = [];
  let last = 0;
  for (const match of folded.matchAll(DIGITS)) {
    tokens.push(...wordsIn(folded.slice(last, match.index)));
    tokens.push(`#${match[0].replace(/[,\u00A0\u202F ]/g, '')}`);
    last = match.index + match[0].length;
  }
  tokens.push(...wordsIn(folded.slice(last)));
  for (let i = 0; i < tokens.length; i += 1) {
    const spelled = readNumber(tokens, i);
    const token = tokens[i];
    let value: number | null = null;
    if (spelled) {
      value = spelled.value;
      i = spelled.next - 1;
    } else if (token.startsWith('#')) value = Number(token.slice(1));
    if (value !== null) {
      const digits = canonicalNumber(value);
      if (digits.includes('.') || digits === 'NaN') continue;
      const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ').split(' ');
      const forms = [[digits], ...(grouped.length > 1 ? [grouped] : [])];
      out.set(`#${digits}`, { forms });
      continue;
    }
    if (NEGATIONS.has(token) || STOPWORDS.has(token) || token.length < 2) continue;
    if (!/^[a-z0-9]+$/.test(token)) continue;
    out.set(token, { forms: [[token]] });
  }
  return [...out.values()];
}
