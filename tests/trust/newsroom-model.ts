import fc from 'fast-check';

/**
 * The oracles' own picture of a newsroom: what exists and in which state, built only from the
 * mutations the service accepted, and from it what readers may see. It knows nothing of the
 * service's SQL: it is the rule, written out a second time, the simple way.
 *
 * Every piece of text carries a unique marker, so that whatever a reader is answered can be
 * traced to the text it came from.
 */

export type ArticleStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
export type CheckStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETRACTED';
export type Actor = 'reviewer' | 'editor' | 'secondEditor';
/** The verdicts histories use: enough to tell verdicts apart in summaries and filters. */
export const VERDICTS = ['TRUE', 'MIXED', 'FALSE'] as const;
export type ModelVerdict = (typeof VERDICTS)[number];
/** The whole scale, in its order: verdict summaries are sorted by it. */
export const SCALE = [
  'TRUE',
  'MOSTLY_TRUE',
  'MIXED',
  'MOSTLY_FALSE',
  'FALSE',
  'MISLEADING',
  'NEEDS_CONTEXT',
  'UNVERIFIABLE',
] as const;

export interface ModelSource {
  id: string;
  url: string;
  title: string;
}

export interface ModelCheck {
  id: string;
  author: Actor;
  status: CheckStatus;
  version: number;
  verdict: ModelVerdict;
  /** When it was last published, as an order among publications: the newest published one gives the claim its verdict. */
  publishedSeq: number | null;
  summary: string;
  body: string;
  citations: { source: ModelSource; excerpt: string }[];
  /** The note of its newest version (a correction's reason, a retraction's). */
  lastNote: string | null;
  retractionReason: string | null;
  contributors: Set<Actor>;
}

/**
 * A claimant record. Names differ by their first word's case and spacing only where a history
 * tries a colliding name: the marker is always lower case, so the scan finds every name.
 */
export interface ModelClaimant {
  id: string;
  /** Made by the service from the name first given, and kept on renames: its address lasts. */
  slug: string;
  name: string;
  aliases: string[];
  description: string | null;
  /** The claimant it was merged into: its id and slug resolve to that one from then on. */
  mergedInto: ModelClaimant | null;
  /** A claim has named it (its history says so): reviewers no longer see it while drafts alone name it. */
  everNamed: boolean;
}

export interface ModelClaim {
  id: string;
  /** Creation order: lists of claims are oldest first. */
  order: number;
  quote: string;
  claimant: ModelClaimant | null;
  deleted: boolean;
  checks: ModelCheck[];
  /** The claimants readers saw it name: a point-in-time read shows each one's record (as it now resolves). */
  namedInPublic: Set<ModelClaimant>;
  /** The places outside factline it was listed as made at. */
  places: ModelPlace[];
  /** Its further places in other factline articles (addClaimAppearance with articleId). */
  articlePlaces: ModelArticlePlace[];
  /** The claim it was merged into (mergeClaims): its id resolves to that one; it is no longer live (`deleted`). */
  mergedInto: ModelClaim | null;
}

/** A claim's further place in another factline article: its words there, a sentence of that article's body. */
export interface ModelArticlePlace {
  id: string;
  article: ModelArticle;
  quote: string;
  removed: boolean;
  /** The row of a claim merged into this one (mergeClaims), now one of its places. */
  mergedRow?: boolean;
}

export interface ModelPlace {
  id: string;
  url: string;
  removed: boolean;
  /** Readers saw it listed (a point-in-time read still shows it after its removal). */
  everPublic: boolean;
}

/** The claim-level corrections: changes to what readers saw of a checked claim or its fact-checks. */
export type CorrectionKind =
  | 'VERDICT_CHANGED'
  | 'CHECK_UPDATED'
  | 'RETRACTED'
  | 'QUOTE_CHANGED'
  | 'CLAIMANT_CHANGED'
  | 'PLACE_ADDED'
  | 'PLACE_REMOVED'
  | 'CLAIM_MERGED';

/** A record of a change readers may see once the article has been published (corrections). */
export interface ModelCorrection {
  kind: CorrectionKind;
  claimId: string;
  note: string;
  previousText: string | null;
  newText: string | null;
  sinceFirstPublication: boolean;
  /** The verdict the article showed before and after (recorded for CLAIM_MERGED only). */
  verdicts?: { previous: ModelVerdict | null; next: ModelVerdict | null };
}

export interface ModelArticle {
  slug: string;
  id: string;
  version: number;
  status: ArticleStatus;
  everPublished: boolean;
  headline: string;
  standfirst: string;
  /** The body is these sentences, in order: each its own marker, so a claim can quote one. */
  sentences: string[];
  /** The note of the current revision. */
  note: string | null;
  /** Why it was last withdrawn, shown at its address while it is archived. */
  withdrawal: string | null;
  claims: ModelClaim[];
  corrections: ModelCorrection[];
}

export const sentenceText = (marker: string) => `Sentence ${marker} stands.`;
export const bodyOf = (article: Pick<ModelArticle, 'sentences'>) => article.sentences.map(sentenceText).join(' ');

/** What a reader sees of one article at one moment, for comparing with the service's answers. */
export interface ReaderView {
  headline: string;
  standfirst: string;
  body: string;
  claims: {
    quote: string;
    claimant: string;
    verdict: ModelVerdict | null;
    checks: { summary: string; status: string }[];
  }[];
}

/** What a reader is answered of a claimant (null where readers may not see it). */
export interface ClaimantView {
  name: string;
  slug: string;
  aliases: string[];
  description: string | null;
  /** Their claims readers see, oldest first. */
  claims: { quote: string; verdict: ModelVerdict | null }[];
  verdictSummary: { verdict: string; count: number }[];
}

export class NewsroomModel {
  readonly articles: ModelArticle[] = [];
  readonly claimants: ModelClaimant[] = [];
  readonly sources: ModelSource[] = [];
  /** Sources readers have seen cited: public for good. */
  readonly publicSources = new Set<ModelSource>();
  private count = 0;
  private claimCount = 0;
  private publications = 0;

  /** Markers look like `mk` + the run's tag + a number: `mkqzvwn0012x`, one word to search for. */
  constructor(readonly tag: string) {}

  marker(): string {
    this.count += 1;
    return `mk${this.tag}n${String(this.count).padStart(4, '0')}x`;
  }

  static markerPattern(tag: string): RegExp {
    return new RegExp(`mk${tag}n\\d{4}x`, 'g');
  }

  /** The next claim's place in the order of creation. */
  nextClaimOrder(): number {
    this.claimCount += 1;
    return this.claimCount;
  }

  /** The next publication's place in the order of publications. */
  nextPublication(): number {
    this.publications += 1;
    return this.publications;
  }

  /** Two names are one claimant's when they agree but for case and spacing. */
  static nameKey(name: string): string {
    return name.toLowerCase().replace(/\s+/g, ' ').trim();
  }

  liveClaimants(): ModelClaimant[] {
    return this.claimants.filter((claimant) => claimant.mergedInto === null);
  }

  /** The live claimant a name stands for, if any. */
  claimantNamed(name: string): ModelClaimant | undefined {
    const key = NewsroomModel.nameKey(name);
    return this.liveClaimants().find((claimant) => NewsroomModel.nameKey(claimant.name) === key);
  }

  /** The claimant an id or slug now gives: itself, or the one it was merged into. */
  static resolve(claimant: ModelClaimant): ModelClaimant {
    return claimant.mergedInto ?? claimant;
  }

  /** Every claim (deleted ones too) naming the claimant. */
  claimsOf(claimant: ModelClaimant): { article: ModelArticle; claim: ModelClaim }[] {
    return this.articles.flatMap((article) =>
      article.claims.filter((claim) => claim.claimant === claimant).map((claim) => ({ article, claim })),
    );
  }

  /**
   * The claims of published articles that name the claimant for readers: each live claim, its
   * own words and verdict (`shows`: the claim whose verdict and fact-checks it shows). A merged
   * claim names nobody: its row is a place of the kept claim, under the kept claim's claimant.
   */
  publicClaimsOf(
    claimant: ModelClaimant,
  ): { article: ModelArticle; claim: ModelClaim; quote: string; shows: ModelClaim }[] {
    return this.claimsOf(claimant)
      .filter(({ article, claim }) => article.status === 'PUBLISHED' && !claim.deleted)
      .map(({ article, claim }) => ({ article, claim, quote: claim.quote, shows: claim }))
      .sort((a, b) => a.claim.order - b.claim.order);
  }

  /** Readers see a claimant once a live claim of a published article names it. */
  claimantIsPublic(claimant: ModelClaimant): boolean {
    return claimant.mergedInto === null && this.publicClaimsOf(claimant).length > 0;
  }

  /** Reviewers see what readers see, and the claimants no claim has named yet. */
  reviewerSeesClaimant(claimant: ModelClaimant): boolean {
    return this.claimantIsPublic(claimant) || !claimant.everNamed;
  }

  /** A live claim of the claimant is on the public record: renaming them is an editor's correction. */
  claimantOnRecord(claimant: ModelClaimant): boolean {
    return this.claimsOf(claimant).some(({ claim }) => !claim.deleted && NewsroomModel.onRecord(claim));
  }

  /** A claim's verdict: that of its newest published fact-check. */
  static verdictOf(claim: ModelClaim): ModelVerdict | null {
    let newest: ModelCheck | null = null;
    for (const check of claim.checks)
      if (check.status === 'PUBLISHED' && (newest === null || check.publishedSeq! > newest.publishedSeq!))
        newest = check;
    return newest?.verdict ?? null;
  }

  /** The id a merged claim's row has as a place of the kept claim: the same row, an ArticleAppearance. */
  static rowAsPlace(claimId: string): string {
    const key = Buffer.from(claimId, 'base64url').toString('utf8').split(':')[1];
    return Buffer.from(`ArticleAppearance:${key}`, 'utf8').toString('base64url');
  }

  /** The claim an id now gives: itself, or the one it was merged into (merges re-point, so one step). */
  static resolveClaim(claim: ModelClaim): ModelClaim {
    return claim.mergedInto ?? claim;
  }

  /** The newest published fact-check of a claim, the one its verdict comes from. */
  static newestPublished(claim: ModelClaim): ModelCheck | null {
    const published = claim.checks.filter((check) => check.status === 'PUBLISHED');
    return published.sort((a, b) => b.publishedSeq! - a.publishedSeq!)[0] ?? null;
  }

  /** What readers are answered of a claimant now (its id or slug resolving as the service's do). */
  claimantView(asked: ModelClaimant): ClaimantView | null {
    const claimant = NewsroomModel.resolve(asked);
    if (!this.claimantIsPublic(claimant)) return null;
    const claims = this.publicClaimsOf(claimant);
    const counts = new Map<string, number>();
    for (const { shows } of claims) {
      const verdict = NewsroomModel.verdictOf(shows);
      if (verdict) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    }
    return {
      name: claimant.name,
      slug: claimant.slug,
      aliases: claimant.aliases,
      description: claimant.description,
      claims: claims.map(({ quote, shows }) => ({ quote, verdict: NewsroomModel.verdictOf(shows) })),
      verdictSummary: SCALE.filter((verdict) => counts.has(verdict)).map((verdict) => ({
        verdict,
        count: counts.get(verdict)!,
      })),
    };
  }

  checks(): { article: ModelArticle; claim: ModelClaim; check: ModelCheck }[] {
    return this.articles.flatMap((article) =>
      article.claims.flatMap((claim) => claim.checks.map((check) => ({ article, claim, check }))),
    );
  }

  liveClaims(): { article: ModelArticle; claim: ModelClaim }[] {
    return this.articles.flatMap((article) =>
      article.claims.filter((claim) => !claim.deleted).map((claim) => ({ article, claim })),
    );
  }

  /** A claim is on the public record once it carries a published (or retracted) fact-check. */
  static onRecord(claim: ModelClaim): boolean {
    return claim.checks.some((check) => check.status === 'PUBLISHED' || check.status === 'RETRACTED');
  }

  static isPublic(check: ModelCheck): boolean {
    return check.status === 'PUBLISHED' || check.status === 'RETRACTED';
  }

  /**
   * After each accepted change: the sources readers now see cited become public for good, and
   * so does each claim's claimant in the claim's history.
   */
  settle(): void {
    for (const article of this.articles) {
      if (article.status !== 'PUBLISHED') continue;
      for (const claim of article.claims) {
        if (claim.deleted) continue;
        if (claim.claimant) claim.namedInPublic.add(claim.claimant);
        for (const place of claim.places) if (!place.removed) place.everPublic = true;
        for (const check of claim.checks)
          if (NewsroomModel.isPublic(check))
            for (const citation of check.citations) this.publicSources.add(citation.source);
      }
    }
  }

  /** The article a claim is its own place in. */
  articleOf(claim: ModelClaim): ModelArticle {
    return this.articles.find((article) => article.claims.includes(claim))!;
  }

  /**
   * The further places readers see in `article` now: each live place of a live claim, only
   * while both the article and the claim's own article are published.
   */
  placesShownIn(article: ModelArticle): { claim: ModelClaim; place: ModelArticlePlace }[] {
    if (article.status !== 'PUBLISHED') return [];
    return this.liveClaims().flatMap(({ article: own, claim }) =>
      own.status !== 'PUBLISHED'
        ? []
        : claim.articlePlaces
            .filter((place) => !place.removed && place.article === article)
            .map((place) => ({ claim, place })),
    );
  }

  /**
   * Merges claim `merged` into `kept`, as mergeClaims does: the kept claim keeps its words and
   * claimant; the merged one's fact-checks and corrections move to it, and so do its live outside
   * places but for urls the kept one lists (those are taken off). Its own row and its further
   * places become the kept claim's places, but in an article the kept claim already marks, where
   * they are taken off (one place per article). With `note` (either claim on the public record),
   * a CLAIM_MERGED correction on each claim's article (one when they share it).
   */
  mergeClaim(kept: ModelClaim, merged: ModelClaim, note: string | null): void {
    const keptArticle = this.articleOf(kept);
    const mergedArticle = this.articleOf(merged);
    // The verdict each claim's article showed before (the kept claim's, when they share it).
    const shown = new Map([
      [mergedArticle, NewsroomModel.verdictOf(merged)],
      [keptArticle, NewsroomModel.verdictOf(kept)],
    ]);
    for (const article of this.articles)
      for (const correction of article.corrections) if (correction.claimId === merged.id) correction.claimId = kept.id;
    kept.checks.push(...merged.checks.splice(0));
    // Outside places are listed on the kept claim anew (new rows, their ids given by the caller,
    // `id` empty until then), but for urls it lists; the merged claim's are taken off.
    const listed = new Set(kept.places.filter((place) => !place.removed).map((place) => place.url));
    for (const place of merged.places.filter((candidate) => !candidate.removed)) {
      if (!listed.has(place.url)) kept.places.push({ id: '', url: place.url, removed: false, everPublic: false });
      place.removed = true;
    }
    const marked = new Set([
      keptArticle,
      ...kept.articlePlaces.filter((place) => !place.removed).map((place) => place.article),
    ]);
    // The merged claim's own row first: a place of the kept claim, carrying the merged claim's id and words.
    const rows = [
      {
        id: NewsroomModel.rowAsPlace(merged.id),
        article: mergedArticle,
        quote: merged.quote,
        removed: false,
        mergedRow: true,
      },
      ...merged.articlePlaces.splice(0),
    ];
    for (const row of rows) {
      if (!row.removed && marked.has(row.article)) row.removed = true;
      if (!row.removed) marked.add(row.article);
      // A place taken off is the kept claim's too (a removed merged row is gone with its claim).
      if (row.id !== NewsroomModel.rowAsPlace(merged.id) || !row.removed) kept.articlePlaces.push(row);
    }
    merged.deleted = true;
    merged.mergedInto = kept;
    for (const article of this.articles)
      for (const claim of article.claims) if (claim.mergedInto === merged) claim.mergedInto = kept;
    if (note === null) return;
    const verdict = NewsroomModel.verdictOf(kept);
    for (const article of keptArticle === mergedArticle ? [keptArticle] : [keptArticle, mergedArticle])
      article.corrections.push({
        kind: 'CLAIM_MERGED',
        claimId: kept.id,
        note,
        previousText: mergedArticle.status === 'PUBLISHED' ? merged.quote : null,
        newText: keptArticle.status === 'PUBLISHED' ? kept.quote : null,
        sinceFirstPublication: article.everPublished,
        verdicts: { previous: shown.get(article)!, next: verdict },
      });
  }

  /** The markers readers can see right now, on some path. */
  visibleMarkers(): Set<string> {
    const markers = new Set<string>();
    const add = (text: string | null) => {
      for (const match of (text ?? '').matchAll(NewsroomModel.markerPattern(this.tag))) markers.add(match[0]);
    };
    for (const source of this.publicSources) {
      add(source.url);
      add(source.title);
    }
    // A claimant's record, its slug included. The slug keeps the name first given, even one
    // readers never saw (renamed while only drafts named them): an open question of policy,
    // so the oracle takes the slug as public with the record rather than fail on it.
    for (const claimant of this.claimants) {
      if (!this.claimantIsPublic(claimant)) continue;
      add(claimant.name);
      claimant.aliases.forEach(add);
      add(claimant.description);
      add(claimant.slug);
    }
    for (const article of this.articles) {
      if (article.status === 'ARCHIVED') add(article.withdrawal);
      if (article.status !== 'PUBLISHED') continue;
      add(article.headline);
      add(article.standfirst);
      add(bodyOf(article));
      add(article.note);
      for (const correction of article.corrections)
        if (correction.sinceFirstPublication)
          [correction.note, correction.previousText, correction.newText].forEach(add);
      for (const claim of article.claims) {
        // Its past, as readers saw it: each claimant it named then, on its record as it now stands.
        for (const named of claim.namedInPublic) {
          const record = NewsroomModel.resolve(named);
          record.aliases.forEach(add);
          add(record.description);
          add(record.slug);
        }
        if (claim.deleted) continue;
        add(claim.quote);
        for (const place of claim.places) if (!place.removed || place.everPublic) add(place.url);
        for (const check of claim.checks) {
          if (!NewsroomModel.isPublic(check)) continue;
          add(check.summary);
          add(check.body);
          add(check.lastNote);
          add(check.retractionReason);
          for (const citation of check.citations) add(citation.excerpt);
        }
      }
      // The claims of other articles shown at their places here: the words here (the rest is the claim's, public in its own article).
      for (const { place } of this.placesShownIn(article)) add(place.quote);
    }
    return markers;
  }

  /** The markers of the claimants reviewers see and readers do not: those no claim has named yet. */
  directoryMarkers(): Set<string> {
    const markers = new Set<string>();
    for (const claimant of this.liveClaimants())
      if (this.reviewerSeesClaimant(claimant))
        for (const text of [claimant.name, claimant.slug, claimant.description ?? '', ...claimant.aliases])
          for (const match of text.matchAll(NewsroomModel.markerPattern(this.tag))) markers.add(match[0]);
    return markers;
  }

  /** Every marker in the newsroom: what staff may have written anywhere. */
  allSourceMarkers(): Set<string> {
    return new Set(
      this.sources.flatMap((source) =>
        [
          ...source.url.matchAll(NewsroomModel.markerPattern(this.tag)),
          ...source.title.matchAll(NewsroomModel.markerPattern(this.tag)),
        ].map((match) => match[0]),
      ),
    );
  }

  /** The accounts readers may see: those who wrote or changed a fact-check they can see. */
  visibleContributors(): Set<Actor> {
    const actors = new Set<Actor>();
    for (const article of this.articles) {
      if (article.status !== 'PUBLISHED') continue;
      for (const claim of article.claims)
        if (!claim.deleted)
          for (const check of claim.checks)
            if (NewsroomModel.isPublic(check)) check.contributors.forEach((actor) => actors.add(actor));
    }
    return actors;
  }

  /** What a reader sees of each article now (null where it is not published). */
  readerViews(): Map<string, ReaderView | null> {
    return new Map(
      this.articles.map((article) => [
        article.slug,
        article.status !== 'PUBLISHED'
          ? null
          : {
              headline: article.headline,
              standfirst: article.standfirst,
              body: bodyOf(article),
              claims: sortClaims(
                [
                  ...article.claims.filter((claim) => !claim.deleted).map((claim) => ({ claim, quote: claim.quote })),
                  // A claim of another article at its further place here: its words here, the rest the claim's.
                  ...this.placesShownIn(article).map(({ claim, place }) => ({ claim, quote: place.quote })),
                ].map(({ claim, quote }) => ({
                  quote,
                  claimant: claim.claimant?.name ?? '',
                  verdict: NewsroomModel.verdictOf(claim),
                  checks: sortChecks(
                    claim.checks
                      .filter(NewsroomModel.isPublic)
                      .map((check) => ({ summary: check.summary, status: check.status })),
                  ),
                })),
              ),
            },
      ]),
    );
  }
}

export function sortClaims<T extends { quote: string; claimant: string }>(claims: T[]): T[] {
  // Two claims may quote the same words with the same claimant (a claim and another's place
  // there): the rest of each (verdict, checks) settles their order.
  const key = (claim: T) => `${claim.quote}|${claim.claimant}|${JSON.stringify(claim)}`;
  return [...claims].sort((a, b) => key(a).localeCompare(key(b)));
}

export function sortChecks<T extends { summary: string }>(checks: T[]): T[] {
  return [...checks].sort((a, b) => a.summary.localeCompare(b.summary));
}

/** The staff actions a history is made of; targets are picked among what exists by `pick`. */
export const ACTION_KINDS = [
  'createArticle',
  'editArticle',
  'publishArticle',
  'archiveArticle',
  'createClaim',
  'changeClaimant',
  'deleteClaim',
  'reattachClaim',
  'createCheck',
  'editCheck',
  'submitCheck',
  'publishCheck',
  'retractCheck',
  'createClaimant',
  'updateClaimant',
  'mergeClaimants',
  'dismissSuggestion',
  'listPlace',
  'unlistPlace',
  'placeInArticle',
  'unplaceInArticle',
  'mergeClaims',
] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];

export interface Action {
  kind: ActionKind;
  pick: number;
  /** A second choice some actions make (a new source or a known one, who edits, a note or not). */
  flag: boolean;
}

/** How often each action comes up: the review workflow most, the rarer moves less. */
const WEIGHTS: Record<ActionKind, number> = {
  createArticle: 2,
  editArticle: 2,
  publishArticle: 1,
  archiveArticle: 1,
  createClaim: 2,
  changeClaimant: 1,
  deleteClaim: 1,
  reattachClaim: 1,
  createCheck: 3,
  editCheck: 2,
  submitCheck: 3,
  publishCheck: 3,
  retractCheck: 1,
  createClaimant: 1,
  updateClaimant: 2,
  mergeClaimants: 1,
  dismissSuggestion: 1,
  listPlace: 1,
  unlistPlace: 1,
  placeInArticle: 2,
  unplaceInArticle: 1,
  mergeClaims: 1,
};

/** Histories to try: each action has something to act on (see NewsroomActions.play). */
export const actions = (minLength: number, maxLength: number) =>
  fc.array(
    fc.record({
      kind: fc.oneof(...ACTION_KINDS.map((kind) => ({ weight: WEIGHTS[kind], arbitrary: fc.constant(kind) }))),
      pick: fc.nat(1_000),
      flag: fc.boolean(),
    }),
    { minLength, maxLength },
  );

const step = (kind: ActionKind, flag = false, pick = 0): Action => ({ kind, pick, flag });

/**
 * Histories fast-check tries first, besides the random ones: the shapes that broke trust
 * before (a fact-check published and corrected on an embargoed draft; edits made while an
 * article was archived; a checked claim re-attributed before publication), and a claimant's
 * life: named on a checked claim, renamed, a colliding record refused, merged, named again
 * on a draft, suggestions dismissed.
 */
export const KNOWN_HISTORIES: Action[][] = [
  [
    step('createArticle', true),
    step('editArticle'),
    step('createClaim'),
    step('createCheck', true),
    step('submitCheck'),
    step('publishCheck'),
    step('editCheck', true),
    step('changeClaimant'),
    step('editArticle', true, 1),
    step('publishArticle'),
    step('createClaim', false, 2),
    step('retractCheck'),
  ],
  [
    step('createArticle'),
    step('publishArticle'),
    step('createClaim'),
    step('createCheck', true),
    step('submitCheck'),
    step('publishCheck'),
    step('archiveArticle'),
    step('editArticle', true),
    step('editCheck', true),
    step('changeClaimant'),
    step('editArticle'),
    step('publishArticle'),
    step('reattachClaim'),
  ],
  [
    step('createArticle'),
    step('createClaim'),
    step('createCheck'),
    step('submitCheck'),
    step('publishCheck'),
    step('retractCheck'),
    step('createCheck', true, 1),
    step('editCheck', true, 1),
    step('submitCheck'),
    step('deleteClaim'),
    step('publishArticle'),
  ],
  [
    step('createArticle', false, 1),
    step('publishArticle'),
    step('createClaim'),
    step('createCheck'),
    step('submitCheck'),
    step('publishCheck'),
    step('updateClaimant'),
    step('createClaimant'),
    step('createClaimant', true, 1),
    step('createArticle'),
    step('createClaim', false, 6),
    step('publishArticle'),
    step('mergeClaimants', true, 1),
    step('updateClaimant', true, 1),
    step('dismissSuggestion', false, 1),
    step('dismissSuggestion', true),
  ],
  // A checked claim's further places: in a draft (no public change), taken off and placed again
  // once the story is published (an editor's correction each), its own article archived (readers of the other story, now and as of
  // then, no longer see it there), and taken off again.
  [
    step('createArticle'),
    step('publishArticle'),
    step('createClaim'),
    step('createCheck'),
    step('submitCheck'),
    step('publishCheck'),
    step('createArticle', false, 1),
    step('placeInArticle', true),
    step('publishArticle'),
    step('unplaceInArticle'),
    step('placeInArticle', false, 1),
    step('archiveArticle'),
    step('editArticle', false, 1),
    step('unplaceInArticle'),
    step('publishArticle'),
  ],
  // A draft's checked claim placed in a published story: nothing of it reaches that story's
  // readers until its own article is published.
  [
    step('createArticle'),
    step('createArticle', false, 1),
    step('publishArticle', false, 1),
    step('createClaim'),
    step('createCheck'),
    step('submitCheck'),
    step('publishCheck'),
    step('placeInArticle', true),
    step('editArticle', true, 1),
    step('publishArticle'),
    step('unplaceInArticle', true),
  ],
  // Two checked claims of two published stories found to be one statement (the merged one also
  // listed as made outside): merged without a note (refused), then with one; a correction on
  // each story, the moved fact-check then changed. As of the moments before, each story shows
  // its own claim, fact-check and verdict.
  [
    step('createArticle'),
    step('publishArticle'),
    step('createClaim'),
    step('createCheck'),
    step('submitCheck'),
    step('publishCheck'),
    step('createArticle', false, 1),
    step('publishArticle'),
    step('createClaim', false, 1),
    step('createCheck', false, 7),
    step('submitCheck'),
    step('publishCheck'),
    step('listPlace', false, 1),
    step('mergeClaims'),
    step('editCheck', false, 1),
    step('editArticle', false, 1),
  ],
  // Two unchecked claims of one draft, both placed in another draft: merged (a reviewer refused
  // first; no note needed, no correction), the merged claim's row and place are taken off where
  // the kept claim already is; then published, checked, and its place taken off.
  [
    step('createArticle'),
    step('createClaim'),
    step('createClaim', false, 1),
    step('createArticle', false, 1),
    step('placeInArticle'),
    step('placeInArticle', false, 1),
    step('mergeClaims', true),
    step('publishArticle'),
    step('publishArticle'),
    step('createCheck'),
    step('submitCheck'),
    step('publishCheck'),
    step('unplaceInArticle'),
  ],
  // Read as of a moment, a claim at a place in another article whose own article is now
  // withdrawn: its appearance's claim answered language and Web Annotations from that article.
  [
    step('changeClaimant', true, 276),
    step('createClaim', true, 926),
    step('publishCheck', true, 163),
    step('submitCheck', false, 378),
    step('publishCheck', false, 438),
    step('archiveArticle', false, 51),
    step('updateClaimant', false, 226),
    step('mergeClaims', true, 208),
    step('mergeClaims', true, 796),
    step('editCheck', true, 486),
    step('updateClaimant', false, 982),
    step('dismissSuggestion', false, 878),
    step('unplaceInArticle', true, 244),
    step('submitCheck', false, 661),
    step('editCheck', false, 150),
    step('retractCheck', true, 880),
    step('publishCheck', false, 275),
    step('reattachClaim', true, 958),
    step('publishCheck', false, 590),
    step('publishArticle', true, 778),
    step('placeInArticle', true, 975),
    step('archiveArticle', true, 850),
    step('deleteClaim', false, 239),
    step('editCheck', true, 159),
    step('createCheck', false, 368),
    step('mergeClaims', false, 460),
    step('listPlace', true, 1000),
  ],
];
