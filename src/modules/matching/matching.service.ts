import type { Database } from '../../db/database';
import { execute } from '../../db/sql';
import type { SqlReader } from '../../db/sql-reader';
import { badUserInput, notFound } from '../../domain/errors';
import type { ArticleLoaders } from '../article/article.loaders';
import { requireRole, type Viewer } from '../auth/viewer';
import type { Visibility } from '../auth/visibility';
import { ClaimAnchorStatus } from '../claim/anchor-status';
import type { ClaimLoaders } from '../claim/claim.loaders';
import type { ClaimRow } from '../claim/claim.rows';
import { Role } from '../user/user.entity';
import {
  type CandidateRow,
  dismissalsOfArticle,
  ftsClaimCandidates,
  ftsCommonClaimCandidates,
  claimCandidatesByIds,
  ftsSentenceCandidates,
  ftsClaimsHoldingTerms,
  ftsShortTermCounts,
  ftsTermCounts,
  ftsTermProbe,
  insertDismissal,
  PROBE_LIMIT,
  SENTENCE_CANDIDATE_LIMIT,
  SENTENCE_MATCH_BUDGET,
  SHORT_PROBE_LIMIT,
  tsClaimCandidates,
  tsSentenceCandidates,
  tsShortTermProbe,
  tsTermProbe,
} from './matching.queries';
import { type EngineTerm, engineTermsOf } from './normalise';
import { sentenceKey } from './sentence-key';
import { type Sentence, splitSentences } from './sentences';
import { MATCH_THRESHOLD, type PreparedText, prepareText, similarity } from './similarity';

/** Longest text claimMatches takes (a long paragraph); longer is refused, not truncated. */
export const MAX_MATCH_TEXT = 5_000;
export const MAX_MATCHES = 50;
const MAX_LANGUAGE = 35;
/** Terms probed per text: the longest content words and the numbers. */
const MAX_TERMS = 16;
/** Terms in the candidate query, rarest first, and the matches they may hold together. */
const MAX_QUERY_TERMS = 8;
const MATCH_BUDGET = 1_000;
/** Suggestions kept per sentence. */
const PER_SENTENCE = 3;
/** A sentence with fewer content terms than this says too little to restate a claim. */
const MIN_SENTENCE_TERMS = 3;
/**
 * The most sentences one suggestedClaims request searches: a 20,000-character body has about
 * 250. One synchronous SQLite request blocks the whole service, so no body may cost more.
 */
export const MAX_SUGGESTION_SENTENCES = 400;

export interface ClaimMatch {
  claim: ClaimRow;
  score: number;
}

export interface ClaimSuggestion {
  sentence: Sentence;
  claim: ClaimRow;
  score: number;
}

type MatchLoaders = Pick<ClaimLoaders, 'claimById' | 'claimsByArticle'> &
  Pick<ArticleLoaders, 'articleById' | 'articleBodyById'>;

export interface ClaimMatchesArgs {
  text: string;
  language?: string | null;
  first?: number | null;
  visibility: Visibility;
  loaders: MatchLoaders;
}

/**
 * How many claims hold a term, up to the probe's limit (`exact` false when the probe was the
 * short one and reached its limit: at least `n`). On SQLite, for an article's sentences,
 * `listed` when `n` is under the probe's limit, and then `list`: the ids of all the claims
 * holding it.
 */
interface TermCount {
  n: number;
  exact: boolean;
  listed?: boolean;
  list?: readonly number[];
}

/** A text's terms as the engine is asked about them, and their expressions in its query language. */
interface TextTerms {
  terms: EngineTerm[];
  expressions: string[];
}

/**
 * What one request has learnt, shared by its texts: terms' counts, keyed by their engine
 * expression, and claims' prepared texts (their words, then their quote when they have words
 * of their own).
 */
interface RequestCache {
  counts: Map<string, TermCount>;
  prepared: Map<number, PreparedText[]>;
}

function requestCache(): RequestCache {
  return { counts: new Map(), prepared: new Map() };
}

/** A scored candidate, before its claim is loaded. */
interface Scored {
  id: number;
  articleId: number;
  score: number;
}

/** A text's term with its count, and its expression for the engine. */
interface Probed {
  term: EngineTerm;
  expression: string;
  count: TermCount;
}

/** The terms a text's candidates are searched by (`all`: all of them together, else any of them). */
interface TermChoice {
  query: Probed[];
  all: boolean;
  /** Every term is common: held by PROBE_LIMIT claims or more. */
  common: boolean;
  /** Every term of the text that some claim holds, rarest first. */
  probed: Probed[];
}

/**
 * Claim matching: existing claims that restate a text (claimMatches), and an article's
 * sentences that restate claims of other articles (suggestedClaims), with the suggestions
 * reviewers dismissed. Candidates come from the full-text index (matching.queries.ts), chosen
 * by a few of the text's rarest terms so a text of common words cannot make the engine rank
 * a million documents; the re-ranking is similarity.ts.
 */
export class MatchingService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  async matches({ text, language, first, visibility, loaders }: ClaimMatchesArgs): Promise<ClaimMatch[]> {
    const trimmed = text.trim();
    if (trimmed.length === 0) throw badUserInput('Give a text to match claims against.', 'text');
    if (trimmed.length > MAX_MATCH_TEXT) throw badUserInput(`At most ${MAX_MATCH_TEXT} characters.`, 'text');
    const size = first ?? 5;
    if (!Number.isInteger(size) || size < 0 || size > MAX_MATCHES)
      throw badUserInput(`first must be between 0 and ${MAX_MATCHES}.`, 'first');
    if (language != null && (language.trim().length === 0 || language.length > MAX_LANGUAGE))
      throw badUserInput(`A language tag of 1-${MAX_LANGUAGE} characters.`, 'language');
    if (size === 0) return [];
    const wanted = language?.trim().toLowerCase() ?? null;
    const scored = await this.scoredCandidates(trimmed, visibility, requestCache(), false, (row) =>
      wanted === null ? true : row.language.toLowerCase() === wanted,
    );
    return this.withClaims(scored.slice(0, size), loaders);
  }

  /**
   * For each sentence of the article's body that none of its own claims covers, the claims of
   * other articles it likely restates, minus the pairs reviewers dismissed: in text order, best
   * first within a sentence.
   */
  async suggestions(
    article: { id: number; body: string },
    visibility: Visibility,
    loaders: MatchLoaders,
  ): Promise<ClaimSuggestion[]> {
    const [own, dismissed] = await Promise.all([
      loaders.claimsByArticle.load(article.id),
      this.reader.rows(dismissalsOfArticle, { articleId: article.id }),
    ]);
    const covered = own
      .filter(
        (claim) =>
          claim.anchorStatus !== ClaimAnchorStatus.AMBIGUOUS && claim.anchorStatus !== ClaimAnchorStatus.ORPHANED,
      )
      .map((claim) => [claim.startOffset, claim.endOffset] as const);
    const refused = new Set(dismissed.map((row) => `${row.sentenceKey}:${row.claimId}`));
    // Sentences of one article share many terms and candidates: each term is probed once,
    // each candidate claim's text prepared once.
    const cache = requestCache();
    const searched: { sentence: Sentence; prepared: PreparedText }[] = [];
    for (const sentence of splitSentences(article.body)) {
      if (searched.length >= MAX_SUGGESTION_SENTENCES) break;
      if (covered.some(([start, end]) => start < sentence.end && sentence.start < end)) continue;
      const prepared = prepareText(sentence.text);
      if (prepared.words.size + prepared.numbers.size < MIN_SENTENCE_TERMS) continue;
      searched.push({ sentence, prepared });
    }
    const keep = (row: CandidateRow) => row.articleId !== article.id;
    // A sentence of common words only is not searched: restating a checked claim takes its
    // rarer words, and intersecting common terms' lists costs most at a million claims.
    const scoredBySentence =
      this.db.dialect === 'postgres'
        ? await this.sequentialSentences(searched, visibility, cache, keep)
        : await this.batchedSentences(searched, visibility, cache, keep);
    const found: { sentence: Sentence; match: Scored }[] = [];
    for (const [i, { sentence }] of searched.entries()) {
      const key = sentenceKey(sentence.text);
      for (const match of scoredBySentence[i].filter((m) => !refused.has(`${key}:${m.id}`)).slice(0, PER_SENTENCE))
        found.push({ sentence, match });
    }
    const claims = await loaders.claimById.loadMany(found.map(({ match }) => match.id));
    return found.flatMap(({ sentence, match }, index) => {
      const claim = claims[index];
      return claim && !(claim instanceof Error) ? [{ sentence, claim, score: match.score }] : [];
    });
  }

  /** Remembers that `claimId` is not what `sentence` of the article says; it is not suggested for it again. */
  async dismiss(
    viewer: Viewer,
    input: { articleId: number; claimId: number; sentence: string },
    loaders: MatchLoaders,
  ): Promise<number> {
    const user = requireRole(viewer, Role.REVIEWER);
    const sentence = input.sentence.trim();
    if (sentence.length === 0) throw badUserInput('Give the sentence the suggestion was for.', 'input.sentence');
    if (sentence.length > MAX_MATCH_TEXT) throw badUserInput(`At most ${MAX_MATCH_TEXT} characters.`, 'input.sentence');
    // Only what the viewer can read: an article or claim they cannot see is not there for them.
    const article = await loaders.articleById.load(input.articleId);
    if (!article) throw notFound('No such article.', 'input.articleId');
    const claim = await loaders.claimById.load(input.claimId);
    if (!claim) throw notFound('No such claim.', 'input.claimId');
    const key = sentenceKey(sentence);
    const body = await loaders.articleBodyById.load(input.articleId);
    if (!splitSentences(body).some((candidate) => sentenceKey(candidate.text) === key))
      throw badUserInput("This is not a sentence of the article's current body.", 'input.sentence');
    await this.db.writes.run((manager) =>
      execute(manager, insertDismissal, {
        articleId: input.articleId,
        claimId: input.claimId,
        sentenceKey: key,
        sentence,
        actorId: user.id,
      }),
    );
    return input.articleId;
  }

  /** PostgreSQL: each sentence's candidates, one ranked query per sentence. */
  private async sequentialSentences(
    sentences: readonly { sentence: Sentence; prepared: PreparedText }[],
    visibility: Visibility,
    cache: RequestCache,
    keep: (row: CandidateRow) => boolean,
  ): Promise<Scored[][]> {
    const scored: Scored[][] = [];
    for (const { sentence, prepared } of sentences)
      scored.push(
        this.scored(prepared, await this.candidates(sentence.text, visibility, cache.counts, true), cache, keep),
      );
    return scored;
  }

  /**
   * SQLite: the sentences' terms counted and listed for all of them at once, each sentence's
   * candidates chosen from those lists (a ranked query only for the sentences they cannot
   * decide), then the chosen claims of all the sentences read in one statement.
   */
  private async batchedSentences(
    sentences: readonly { sentence: Sentence; prepared: PreparedText }[],
    visibility: Visibility,
    cache: RequestCache,
    keep: (row: CandidateRow) => boolean,
  ): Promise<Scored[][]> {
    const terms = sentences.map(({ sentence }) => this.textTerms(sentence.text));
    await this.countSentenceTerms(terms, cache.counts);
    const choices = terms.map(({ terms: sentenceTerms, expressions }) =>
      sentenceTerms.length === 0
        ? null
        : chooseTerms(
            sentenceTerms,
            expressions,
            expressions.map((expression) => cache.counts.get(expression)!),
            true,
          ),
    );
    const ranked = choices.map((choice) => (choice === null ? [] : sentenceCandidateIds(choice)));
    // Where the lists tell no candidate apart: which of them also hold one of the sentence's
    // terms in too many claims to list, for all those sentences in one statement.
    const undecided = choices.flatMap((choice, i) => {
      if (ranked[i] !== null || choice === null) return [];
      const others = choice.probed.filter((p) => claimsHolding(p.count) === null);
      if (others.length === 0) return [];
      const any = (list: Probed[]) => `(${list.map((p) => p.expression).join(' OR ')})`;
      return [{ i, choice, match: `${any(choice.query)} AND ${any(others)}` }];
    });
    if (undecided.length > 0) {
      const rows = await this.reader.rows(ftsClaimsHoldingTerms, { matches: undecided.map(({ match }) => match) });
      for (const row of rows) {
        const { i, choice } = undecided[row.i];
        ranked[i] = sentenceCandidateIds(choice, new Set(row.ids === null ? [] : parseIds(row.ids)));
      }
    }
    // Per sentence: candidate ids, or, when nothing tells them apart, its ranked candidates.
    const chosen: (number[] | CandidateRow[])[] = [];
    for (const [i, ids] of ranked.entries())
      chosen.push(
        ids ??
          (await this.reader.rows(ftsSentenceCandidates[visibility.level], {
            match: choices[i]!.query.map((p) => p.expression).join(' OR '),
          })),
      );
    const ids = [...new Set(chosen.flatMap((list) => list.filter((item) => typeof item === 'number')))];
    const rows = ids.length === 0 ? [] : await this.reader.rows(claimCandidatesByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return sentences.map(({ prepared }, i) =>
      this.scored(
        prepared,
        chosen[i].flatMap((item) => (typeof item === 'number' ? (byId.get(item) ?? []) : [item])),
        cache,
        keep,
      ),
    );
  }

  /** The visible claims that restate `text` above the threshold, best first. */
  private async scoredCandidates(
    text: string,
    visibility: Visibility,
    cache: RequestCache,
    sentence: boolean,
    keep: (row: CandidateRow) => boolean,
  ): Promise<Scored[]> {
    return this.scored(prepareText(text), await this.candidates(text, visibility, cache.counts, sentence), cache, keep);
  }

  /** The candidates that restate the prepared text above the threshold, best first. */
  private scored(
    prepared: PreparedText,
    rows: readonly CandidateRow[],
    cache: RequestCache,
    keep: (row: CandidateRow) => boolean,
  ): Scored[] {
    const scored: Scored[] = [];
    for (const row of rows) {
      if (!keep(row)) continue;
      let others = cache.prepared.get(row.id);
      if (others === undefined) {
        others = row.quote === null ? [prepareText(row.text)] : [prepareText(row.text), prepareText(row.quote)];
        cache.prepared.set(row.id, others);
      }
      // A text restates the claim when it restates its words or its quote (another outlet
      // quoting the same words): the better of the two.
      const score = Math.max(...others.map((other) => similarity(prepared, other)));
      if (score >= MATCH_THRESHOLD) scored.push({ id: row.id, articleId: row.articleId, score });
    }
    return scored.sort((x, y) => y.score - x.score || x.id - y.id);
  }

  /** A text's terms as the engine is asked about them: numbers, then its longest words. */
  private textTerms(text: string): TextTerms {
    const terms = engineTermsOf(text)
      .sort((x, y) => termLength(y) - termLength(x))
      .slice(0, MAX_TERMS);
    const postgres = this.db.dialect === 'postgres';
    return { terms, expressions: terms.map((term) => (postgres ? tsTerm(term) : ftsTerm(term))) };
  }

  /**
   * The terms a text's candidates are searched by (chooseTerms), its terms counted one
   * statement each, each term once a request.
   */
  private async chooseTermsOf(
    text: string,
    counts: RequestCache['counts'],
    sentence: boolean,
  ): Promise<TermChoice | null> {
    const { terms, expressions } = this.textTerms(text);
    if (terms.length === 0) return null;
    const postgres = this.db.dialect === 'postgres';
    const probe = async (expression: string, short: boolean): Promise<TermCount> => {
      const row = postgres
        ? await this.reader.row(short ? tsShortTermProbe : tsTermProbe, { tsquery: expression })
        : await this.reader.row(ftsTermProbe, { match: expression });
      const n = Number(row?.n ?? 0);
      const count = { n, exact: !short || n < SHORT_PROBE_LIMIT };
      counts.set(expression, count);
      return count;
    };
    // A sentence's terms are counted only up to its budget (SHORT_PROBE_LIMIT) first: a term in
    // more claims can only be queried as the sentence's rarest, so it is counted further (up to
    // PROBE_LIMIT) only when no term of the sentence is under that limit. The terms chosen are
    // the same as with every term counted to PROBE_LIMIT.
    const found: TermCount[] = [];
    for (const expression of expressions) found.push(counts.get(expression) ?? (await probe(expression, sentence)));
    if (!hasRareTerm(found))
      for (const [i, expression] of expressions.entries())
        if (!found[i].exact) found[i] = await probe(expression, false);
    return chooseTerms(terms, expressions, found, sentence);
  }

  /**
   * SQLite, the sentences of an article: their terms counted a few statements for all of them
   * (each term once), as chooseTermsOf counts them, and the claims holding each term whose
   * count is under its probe's limit listed (all of them, then).
   */
  private async countSentenceTerms(terms: readonly TextTerms[], counts: RequestCache['counts']): Promise<void> {
    const countAll = async (expressions: Iterable<string>, short: boolean) => {
      const matches = [...new Set(expressions)];
      if (matches.length === 0) return;
      const rows = await this.reader.rows(short ? ftsShortTermCounts : ftsTermCounts, { matches });
      for (const row of rows) {
        const n = Number(row.n);
        counts.set(matches[row.i], {
          n,
          exact: !short || n < SHORT_PROBE_LIMIT,
          listed: n < (short ? SHORT_PROBE_LIMIT : PROBE_LIMIT),
        });
      }
    };
    await countAll(
      terms.flatMap(({ expressions }) => expressions.filter((expression) => !counts.has(expression))),
      true,
    );
    await countAll(
      terms.flatMap(({ expressions }) => {
        const found = expressions.map((expression) => counts.get(expression)!);
        return hasRareTerm(found) ? [] : expressions.filter((_, i) => !found[i].exact);
      }),
      false,
    );
    const listed = [...counts].filter(([, count]) => count.listed && count.n > 0 && count.list === undefined);
    if (listed.length === 0) return;
    const rows = await this.reader.rows(ftsClaimsHoldingTerms, { matches: listed.map(([expression]) => expression) });
    for (const row of rows) listed[row.i][1].list = row.ids === null ? [] : parseIds(row.ids);
  }

  /** Full-text candidates: the claims holding the chosen terms, ranked by the engine. */
  private async candidates(
    text: string,
    visibility: Visibility,
    counts: RequestCache['counts'],
    sentence: boolean,
  ): Promise<CandidateRow[]> {
    const choice = await this.chooseTermsOf(text, counts, sentence);
    if (choice === null) return [];
    const { query, all, common } = choice;
    if (this.db.dialect === 'postgres')
      return this.reader.rows((sentence ? tsSentenceCandidates : tsClaimCandidates)[visibility.level], {
        tsquery: query.map((p) => p.expression).join(all ? ' & ' : ' | '),
      });
    // On SQLite a sentence's candidates come from its probes (sentenceCandidateIds); a text of
    // common terms alone is matched against the newest claims holding them.
    return this.reader.rows((common ? ftsCommonClaimCandidates : ftsClaimCandidates)[visibility.level], {
      match: query.map((p) => p.expression).join(all ? ' AND ' : ' OR '),
    });
  }

  private async withClaims(scored: Scored[], loaders: MatchLoaders): Promise<ClaimMatch[]> {
    const claims = await loaders.claimById.loadMany(scored.map((match) => match.id));
    return scored.flatMap((match, index) => {
      const claim = claims[index];
      return claim && !(claim instanceof Error) ? [{ claim, score: match.score }] : [];
    });
  }
}

function isNumberTerm(term: EngineTerm): boolean {
  return /^\d/.test(term.forms[0][0]);
}

function termLength(term: EngineTerm): number {
  // Numbers first, then the longest words: they say most about a claim.
  return isNumberTerm(term) ? 100 : term.forms[0][0].length;
}

/** Whether some term of a text is in some claims, and counted exactly: a rare one. */
function hasRareTerm(found: readonly TermCount[]): boolean {
  return found.some((count) => count.exact && count.n > 0);
}

/**
 * The terms a text's candidates are searched by, given their counts (`found`, in the order of
 * `terms`): its rarest terms, any of them, as many as the budget holds. When every term is
 * common, all of the rarest three together for a text, none (null) for a sentence of an
 * article. Null too when no claim holds any term.
 */
function chooseTerms(
  terms: readonly EngineTerm[],
  expressions: readonly string[],
  found: readonly TermCount[],
  sentence: boolean,
): TermChoice | null {
  const probed: Probed[] = [];
  for (const [i, term] of terms.entries())
    if (found[i].n > 0) probed.push({ term, expression: expressions[i], count: found[i] });
  if (probed.length === 0) return null;
  probed.sort((x, y) => x.count.n - y.count.n);
  const budget = sentence ? SENTENCE_MATCH_BUDGET : MATCH_BUDGET;
  const chosen: Probed[] = [];
  let total = 0;
  for (const p of probed) {
    if (chosen.length >= MAX_QUERY_TERMS || (chosen.length > 0 && total + p.count.n > budget)) break;
    chosen.push(p);
    total += p.count.n;
  }
  // Only common terms (the rarest reaches the probe's cap): all of the rarest few together,
  // rather than any of them, or nothing when the caller does not search common words.
  const common = probed[0].count.n >= PROBE_LIMIT;
  if (common && sentence) return null;
  const all = common && probed.length > 1;
  return { query: all ? probed.slice(0, 3) : chosen, all, common, probed };
}

/**
 * SQLite, a sentence of an article: the ids of its best candidates (twice as many as are
 * re-ranked, for visibility), read from the lists of claims its probes gave. Every candidate
 * holds one of the chosen terms; they are ranked by how much of the sentence's terms they
 * hold, as similarity() weighs them (a number counts double), among the terms whose every
 * claim is known, then by those terms' rarity, then by id. `holdingMore`, when given, are the
 * candidates known to hold at least one of the sentence's other terms: they count one more.
 * Null when that ranking tells none of them apart from the first one left out (each holds the
 * same known terms, as when one known term is all the sentence has).
 */
function sentenceCandidateIds(choice: TermChoice, holdingMore?: ReadonlySet<number>): number[] | null {
  const held = new Map<number, { id: number; weight: number; rarity: number }>();
  for (const p of choice.query)
    for (const id of claimsHolding(p.count) ?? []) if (!held.has(id)) held.set(id, { id, weight: 0, rarity: 0 });
  for (const p of choice.probed) {
    const ids = claimsHolding(p.count);
    if (ids === null) continue;
    const weight = isNumberTerm(p.term) ? 2 : 1;
    const rarity = 1 / Math.log2(p.count.n + 1);
    for (const id of ids) {
      const candidate = held.get(id);
      if (candidate === undefined) continue;
      candidate.weight += weight;
      candidate.rarity += rarity;
    }
  }
  if (holdingMore) for (const candidate of held.values()) if (holdingMore.has(candidate.id)) candidate.weight += 1;
  const limit = SENTENCE_CANDIDATE_LIMIT * 2;
  const ranked = [...held.values()].sort((x, y) => y.weight - x.weight || y.rarity - x.rarity || x.id - y.id);
  if (ranked.length > limit && ranked[0].weight === ranked[limit].weight && ranked[0].rarity === ranked[limit].rarity)
    return null;
  return ranked.slice(0, limit).map((candidate) => candidate.id);
}

/** The ids of all the claims holding a term, when they were listed (null: not all known). */
function claimsHolding(count: TermCount): readonly number[] | null {
  return count.list ?? null;
}

/** "12,345,6" as [12, 345, 6]: the engine's list of ids. */
function parseIds(text: string): number[] {
  const ids: number[] = [];
  let value = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 44) {
      ids.push(value);
      value = 0;
    } else value = value * 10 + code - 48;
  }
  ids.push(value);
  return ids;
}

/** An FTS5 expression for a term: its forms as quoted phrases, any of them. Tokens are [a-z0-9]. */
function ftsTerm(term: EngineTerm): string {
  const forms = term.forms.map((tokens) => `"${tokens.join(' ')}"`);
  return forms.length === 1 ? forms[0] : `(${forms.join(' OR ')})`;
}

/** A tsquery for a term: its forms, phrases as <->, any of them. Tokens are [a-z0-9]. */
function tsTerm(term: EngineTerm): string {
  const forms = term.forms.map((tokens) =>
    tokens.length === 1 ? `'${tokens[0]}'` : `(${tokens.map((token) => `'${token}'`).join(' <-> ')})`,
  );
  return forms.length === 1 ? forms[0] : `(${forms.join(' | ')})`;
}
