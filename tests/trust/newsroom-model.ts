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
  summary: string;
  body: string;
  citations: { source: ModelSource; excerpt: string }[];
  /** The note of its newest version (a correction's reason, a retraction's). */
  lastNote: string | null;
  retractionReason: string | null;
  contributors: Set<Actor>;
}

export interface ModelClaim {
  id: string;
  quote: string;
  claimant: string;
  deleted: boolean;
  checks: ModelCheck[];
}

/** A record of a change readers may see once the article has been published (corrections). */
export interface ModelCorrection {
  markers: string[];
  sinceFirstPublication: boolean;
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
  claims: { quote: string; claimant: string; checks: { summary: string; status: string }[] }[];
}

export class NewsroomModel {
  readonly articles: ModelArticle[] = [];
  readonly sources: ModelSource[] = [];
  /** Sources readers have seen cited: public for good. */
  readonly publicSources = new Set<ModelSource>();
  private count = 0;

  /** Markers look like `mk` + the run's tag + a number: `mkqzvwn0012x`, one word to search for. */
  constructor(readonly tag: string) {}

  marker(): string {
    this.count += 1;
    return `mk${this.tag}n${String(this.count).padStart(4, '0')}x`;
  }

  static markerPattern(tag: string): RegExp {
    return new RegExp(`mk${tag}n\\d{4}x`, 'g');
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

  /** After each accepted change: the sources readers now see cited become public for good. */
  settle(): void {
    for (const article of this.articles) {
      if (article.status !== 'PUBLISHED') continue;
      for (const claim of article.claims) {
        if (claim.deleted) continue;
        for (const check of claim.checks)
          if (NewsroomModel.isPublic(check))
            for (const citation of check.citations) this.publicSources.add(citation.source);
      }
    }
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
    for (const article of this.articles) {
      if (article.status === 'ARCHIVED') add(article.withdrawal);
      if (article.status !== 'PUBLISHED') continue;
      add(article.headline);
      add(article.standfirst);
      add(bodyOf(article));
      add(article.note);
      for (const correction of article.corrections)
        if (correction.sinceFirstPublication) correction.markers.forEach(add);
      for (const claim of article.claims) {
        if (claim.deleted) continue;
        add(claim.quote);
        add(claim.claimant);
        for (const check of claim.checks) {
          if (!NewsroomModel.isPublic(check)) continue;
          add(check.summary);
          add(check.body);
          add(check.lastNote);
          add(check.retractionReason);
          for (const citation of check.citations) add(citation.excerpt);
        }
      }
    }
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
                article.claims
                  .filter((claim) => !claim.deleted)
                  .map((claim) => ({
                    quote: claim.quote,
                    claimant: claim.claimant,
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
  return [...claims].sort((a, b) => `${a.quote}|${a.claimant}`.localeCompare(`${b.quote}|${b.claimant}`));
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
 * article was archived; a checked claim re-attributed before publication).
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
];
