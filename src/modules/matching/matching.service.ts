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
  ftsSentenceCandidates,
  ftsShortTermProbe,
  ftsTermProbe,
  insertDismissal,
  PROBE_LIMIT,
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
 * What one request has learnt, shared by its texts: terms' counts (up to the probe's limit;
 * `exact` false when the probe was the short one and reached its limit: at least `n`), claims'
 * prepared texts (their words, then their quote when they have words of their own).
 */
interface RequestCache {
  counts: Map<string, { n: number; exact: boolean }>;
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
    const found: { sentence: Sentence; match: Scored }[] = [];
    let searched = 0;
    for (const sentence of splitSentences(article.body)) {
      if (searched >= MAX_SUGGESTION_SENTENCES) break;
      if (covered.some(([start, end]) => start < sentence.end && sentence.start < end)) continue;
      const prepared = prepareText(sentence.text);
      if (prepared.words.size + prepared.numbers.size < MIN_SENTENCE_TERMS) continue;
      searched += 1;
      const key = sentenceKey(sentence.text);
      // A sentence of common words only is not searched: restating a checked claim takes its
      // rarer words, and intersecting common terms' lists costs most at a million claims.
      const scored = await this.scoredCandidates(
        sentence.text,
        visibility,
        cache,
        true,
        (row) => row.articleId !== article.id,
        prepared,
      );
      for (const match of scored.filter((m) => !refused.has(`${key}:${m.id}`)).slice(0, PER_SENTENCE))
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

  /** The visible claims that restate `text` above the threshold, best first. */
  private async scoredCandidates(
    text: string,
    visibility: Visibility,
    cache: RequestCache,
    sentence: boolean,
    keep: (row: CandidateRow) => boolean,
    prepared: PreparedText = prepareText(text),
  ): Promise<Scored[]> {
    const rows = await this.candidates(text, visibility, cache.counts, sentence);
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

  /**
   * Full-text candidates: the text's rarest terms, any of them, ranked by the engine. When every
   * term is common, all of the rarest three together for a text, none (no query) for a sentence
   * of an article; a sentence also gets fewer candidates.
   */
  private async candidates(
    text: string,
    visibility: Visibility,
    counts: RequestCache['counts'],
    sentence: boolean,
  ): Promise<CandidateRow[]> {
    const terms = engineTermsOf(text)
      .sort((x, y) => termLength(y) - termLength(x))
      .slice(0, MAX_TERMS);
    if (terms.length === 0) return [];
    const postgres = this.db.dialect === 'postgres';
    const expressions = terms.map((term) => (postgres ? tsTerm(term) : ftsTerm(term)));
    const probe = async (expression: string, short: boolean) => {
      const row = postgres
        ? await this.reader.row(short ? tsShortTermProbe : tsTermProbe, { tsquery: expression })
        : await this.reader.row(short ? ftsShortTermProbe : ftsTermProbe, { match: expression });
      const n = Number(row?.n ?? 0);
      const count = { n, exact: !short || n < SHORT_PROBE_LIMIT };
      counts.set(expression, count);
      return count;
    };
    // A sentence's terms are counted only up to its budget (SHORT_PROBE_LIMIT) first: a term in
    // more claims can only be queried as the sentence's rarest, so it is counted further (up to
    // PROBE_LIMIT) only when no term of the sentence is under that limit. The terms chosen are
    // the same as with every term counted to PROBE_LIMIT.
    const found: { n: number; exact: boolean }[] = [];
    for (const expression of expressions) found.push(counts.get(expression) ?? (await probe(expression, sentence)));
    if (!found.some((count) => count.exact && count.n > 0))
      for (const [i, expression] of expressions.entries())
        if (!found[i].exact) found[i] = await probe(expression, false);
    const probed: { term: EngineTerm; n: number }[] = [];
    for (const [i, term] of terms.entries()) {
      const { n } = found[i];
      if (n > 0) probed.push({ term, n });
    }
    if (probed.length === 0) return [];
    probed.sort((x, y) => x.n - y.n);
    const budget = sentence ? SENTENCE_MATCH_BUDGET : MATCH_BUDGET;
    const chosen: EngineTerm[] = [];
    let total = 0;
    for (const { term, n } of probed) {
      if (chosen.length >= MAX_QUERY_TERMS || (chosen.length > 0 && total + n > budget)) break;
      chosen.push(term);
      total += n;
    }
    // Only common terms (the rarest reaches the probe's cap): all of the rarest few together,
    // rather than any of them, or nothing when the caller does not search common words.
    const common = probed[0].n >= PROBE_LIMIT;
    if (common && sentence) return [];
    const all = common && probed.length > 1;
    const query = all ? probed.slice(0, 3).map((p) => p.term) : chosen;
    if (postgres)
      return this.reader.rows((sentence ? tsSentenceCandidates : tsClaimCandidates)[visibility.level], {
        tsquery: query.map(tsTerm).join(all ? ' & ' : ' | '),
      });
    return this.reader.rows((sentence ? ftsSentenceCandidates : ftsClaimCandidates)[visibility.level], {
      match: query.map(ftsTerm).join(all ? ' AND ' : ' OR '),
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

function termLength(term: EngineTerm): number {
  // Numbers first, then the longest words: they say most about a claim.
  return term.forms[0][0].match(/^\d/) ? 100 : term.forms[0][0].length;
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
