import { Newsroom } from '../helpers/newsroom';
import type { SignedIn, TestServer } from '../helpers/test-app';
import {
  type Action,
  type ActionKind,
  type Actor,
  bodyOf,
  type ModelArticle,
  type ModelCheck,
  type ModelClaim,
  type ModelSource,
  NewsroomModel,
  sentenceText,
} from './newsroom-model';

const CHECK_FIELDS = 'id version citations { source { id url title } excerpt }';

/** What to do instead when an action finds nothing to act on. */
const PREREQUISITE: Partial<Record<ActionKind, ActionKind>> = {
  editArticle: 'createArticle',
  publishArticle: 'createArticle',
  archiveArticle: 'publishArticle',
  createClaim: 'createArticle',
  changeClaimant: 'createClaim',
  deleteClaim: 'createClaim',
  reattachClaim: 'editArticle',
  createCheck: 'createClaim',
  editCheck: 'createCheck',
  submitCheck: 'createCheck',
  publishCheck: 'submitCheck',
  retractCheck: 'publishCheck',
};

/**
 * Plays a history of staff actions against the service, as the people who would do them, and
 * applies to the model only what the service accepted. Refusals are expected (a reviewer may
 * not touch a checked claim, four eyes...): the integrity oracle is about those; here they
 * just change nothing.
 */
export class NewsroomActions {
  readonly room: Newsroom;

  constructor(
    server: TestServer,
    readonly model: NewsroomModel,
    readonly people: Record<Actor, SignedIn>,
    /** Called with an article's id the moment readers can first see it. */
    private readonly onPublished: (articleId: string) => Promise<void>,
  ) {
    this.room = new Newsroom(server);
  }

  /**
   * Runs one action; returns whether the service accepted a change. An action with nothing to
   * act on does what would give it something (a check needs a claim, which needs an article),
   * so that every step of a history moves the story on.
   */
  async play(action: Action): Promise<boolean> {
    let outcome: boolean | null = null;
    let kind: ActionKind | undefined = action.kind;
    while (kind) {
      outcome = await this.dispatch({ ...action, kind });
      kind = outcome === null ? PREREQUISITE[kind] : undefined;
    }
    this.model.settle();
    return outcome === true;
  }

  /** The change, true or false as the service took it; null when there was nothing to act on. */
  private async dispatch({ kind, pick, flag }: Action): Promise<boolean | null> {
    const m = this.model;
    const pickFrom = <T>(items: T[]): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);
    switch (kind) {
      case 'createArticle': {
        const sentences = [m.marker(), m.marker(), m.marker()];
        const article: ModelArticle = {
          slug: `story-${m.tag}-${m.articles.length}`,
          id: '',
          version: 1,
          status: 'DRAFT',
          everPublished: false,
          headline: `Headline ${m.marker()}`,
          standfirst: `Standfirst ${m.marker()}`,
          sentences,
          note: null,
          withdrawal: null,
          claims: [],
          corrections: [],
        };
        // Some are dated in the past: the date says nothing about when readers could see them.
        const created = await this.mutate<{ id: string; version: number }>(
          'createArticle',
          'CreateArticleInput',
          {
            slug: article.slug,
            headline: article.headline,
            standfirst: article.standfirst,
            body: bodyOf(article),
            ...(flag ? { publishedAt: '2020-01-01T00:00:00.000Z' } : {}),
          },
          'editor',
          'id version',
        );
        if (!created) return false;
        Object.assign(article, created);
        m.articles.push(article);
        return true;
      }
      case 'editArticle': {
        const article = pickFrom(m.articles);
        if (!article) return null;
        const headline = `Headline ${m.marker()}`;
        const standfirst = `Standfirst ${m.marker()}`;
        const sentences = flag ? article.sentences.map((s, i) => (i === pick % 3 ? m.marker() : s)) : article.sentences;
        const note = article.status === 'PUBLISHED' || pick % 2 === 0 ? `Note ${m.marker()}` : null;
        const input = {
          id: article.id,
          expectedVersion: article.version,
          headline,
          standfirst,
          ...(flag ? { body: bodyOf({ sentences }) } : {}),
          ...(note ? { changeNote: note } : {}),
        };
        const updated = await this.mutate<{ version: number }>(
          'updateArticle',
          'UpdateArticleInput',
          input,
          'editor',
          'version',
        );
        if (!updated) return false;
        Object.assign(article, { headline, standfirst, sentences, note, version: updated.version });
        return true;
      }
      case 'publishArticle': {
        const article = pickFrom(m.articles.filter((a) => a.status !== 'PUBLISHED'));
        if (!article) return null;
        const published = await this.mutate<{ version: number }>(
          'publishArticle',
          'ArticleTransitionInput',
          { id: article.id },
          'editor',
          'version',
        );
        if (!published) return false;
        Object.assign(article, { status: 'PUBLISHED', everPublished: true, version: published.version });
        await this.onPublished(article.id);
        return true;
      }
      case 'archiveArticle': {
        const article = pickFrom(m.articles.filter((a) => a.status === 'PUBLISHED'));
        if (!article) return null;
        const withdrawal = `Withdrawn ${m.marker()}`;
        const archived = await this.mutate<{ version: number }>(
          'archiveArticle',
          'ArticleTransitionInput',
          { id: article.id, note: withdrawal },
          'editor',
          'version',
        );
        if (!archived) return false;
        Object.assign(article, { status: 'ARCHIVED', version: archived.version, withdrawal });
        return true;
      }
      case 'createClaim': {
        const article = pickFrom(m.articles);
        if (!article) return null;
        const quote = sentenceText(article.sentences[pick % article.sentences.length]);
        if (article.claims.some((claim) => !claim.deleted && claim.quote === quote)) return null;
        const claimant = `Claimant ${m.marker()}`;
        // Reviewers mark claims in published stories; editors in drafts too.
        const created = await this.mutate<{ id: string }>(
          'createClaim',
          'CreateClaimInput',
          { articleId: article.id, quote, claimant },
          article.status === 'PUBLISHED' ? 'reviewer' : 'editor',
          'id',
        );
        if (!created) return false;
        article.claims.push({ id: created.id, quote, claimant, deleted: false, checks: [] });
        return true;
      }
      case 'changeClaimant': {
        const target = pickFrom(m.liveClaims());
        if (!target) return null;
        const claimant = `Claimant ${m.marker()}`;
        const note = `Note ${m.marker()}`;
        // A reviewer first, where they can reach it; a checked claim needs an editor and a note.
        const byReviewer =
          target.article.status === 'PUBLISHED'
            ? await this.mutate('updateClaim', 'UpdateClaimInput', { id: target.claim.id, claimant }, 'reviewer', 'id')
            : null;
        const changed =
          byReviewer ??
          (await this.mutate(
            'updateClaim',
            'UpdateClaimInput',
            { id: target.claim.id, claimant, ...(NewsroomModel.onRecord(target.claim) ? { note } : {}) },
            'editor',
            'id',
          ));
        if (!changed) return false;
        if (NewsroomModel.onRecord(target.claim))
          target.article.corrections.push({
            markers: [note, target.claim.claimant, claimant],
            sinceFirstPublication: target.article.everPublished,
          });
        target.claim.claimant = claimant;
        return true;
      }
      case 'deleteClaim': {
        const target = pickFrom(m.liveClaims());
        if (!target) return null;
        if (
          !(await this.mutate('deleteClaim', 'DeleteClaimInput', { id: target.claim.id }, 'editor', 'deletedClaimId'))
        )
          return false;
        target.claim.deleted = true;
        return true;
      }
      case 'reattachClaim': {
        // Only anchors a correction broke can be re-attached: ask the service which those are.
        const stale = await this.staleClaims();
        const target = pickFrom(m.liveClaims().filter(({ claim }) => stale.has(claim.id)));
        if (!target) return null;
        const quote = sentenceText(target.article.sentences[pick % target.article.sentences.length]);
        const note = `Note ${m.marker()}`;
        const onRecord = NewsroomModel.onRecord(target.claim);
        const who: Actor = target.article.status === 'PUBLISHED' && !onRecord && flag ? 'reviewer' : 'editor';
        if (
          !(await this.mutate(
            'reattachClaim',
            'ReattachClaimInput',
            { id: target.claim.id, quote, ...(onRecord ? { note } : {}) },
            who,
            'id',
          ))
        )
          return false;
        if (onRecord)
          target.article.corrections.push({
            markers: [note, target.claim.quote, quote],
            sinceFirstPublication: target.article.everPublished,
          });
        target.claim.quote = quote;
        return true;
      }
      case 'createCheck': {
        const target = pickFrom(m.liveClaims());
        if (!target) return null;
        const author: Actor = target.article.status === 'PUBLISHED' ? 'reviewer' : 'editor';
        const known = flag ? undefined : pickFrom(m.sources);
        const citation = known
          ? { sourceId: known.id, stance: 'SUPPORTS', excerpt: `Excerpt ${m.marker()}` }
          : this.newCitation();
        const check = { summary: `Summary ${m.marker()}`, body: `Body ${m.marker()}` };
        const created = await this.mutate<CheckAnswer>(
          'createAnnotation',
          'CreateAnnotationInput',
          { claimId: target.claim.id, verdict: 'MIXED', ...check, citations: [citation] },
          author,
          CHECK_FIELDS,
        );
        if (!created) return false;
        target.claim.checks.push({
          id: created.id,
          author,
          status: 'DRAFT',
          version: created.version,
          ...check,
          citations: this.citationsFrom(created),
          lastNote: null,
          retractionReason: null,
          contributors: new Set([author]),
        });
        return true;
      }
      case 'editCheck': {
        const target = pickFrom(m.checks().filter(({ check }) => check.status !== 'RETRACTED'));
        if (!target) return null;
        const { check } = target;
        const published = check.status === 'PUBLISHED';
        // Drafts: their author, or an editor lending a hand; published checks: an editor, with a note.
        const who: Actor = published ? 'editor' : flag ? 'secondEditor' : check.author;
        const note = published ? `Note ${m.marker()}` : null;
        const summary = `Summary ${m.marker()}`;
        const citations = published && flag ? [this.newCitation()] : undefined;
        const updated = await this.mutate<CheckAnswer>(
          'updateAnnotation',
          'UpdateAnnotationInput',
          {
            id: check.id,
            expectedVersion: check.version,
            summary,
            ...(citations ? { citations } : {}),
            ...(note ? { note } : {}),
          },
          who,
          CHECK_FIELDS,
        );
        if (!updated) return false;
        Object.assign(check, {
          summary,
          version: updated.version,
          citations: this.citationsFrom(updated),
          lastNote: note,
        });
        check.contributors.add(who);
        if (note)
          target.article.corrections.push({ markers: [note], sinceFirstPublication: target.article.everPublished });
        return true;
      }
      case 'submitCheck': {
        const target = pickFrom(m.checks().filter(({ check }) => check.status === 'DRAFT'));
        if (!target) return null;
        const submitted = await this.mutate<{ version: number }>(
          'submitAnnotation',
          'AnnotationTransitionInput',
          { id: target.check.id },
          target.check.author,
          'version',
        );
        if (!submitted) return false;
        Object.assign(target.check, { status: 'IN_REVIEW', version: submitted.version, lastNote: null });
        return true;
      }
      case 'publishCheck': {
        const target = pickFrom(m.checks().filter(({ check }) => check.status === 'IN_REVIEW'));
        if (!target) return null;
        for (const who of ['secondEditor', 'editor'] as const) {
          const published = await this.mutate<{ version: number }>(
            'publishAnnotation',
            'PublishAnnotationInput',
            { id: target.check.id, expectedVersion: target.check.version },
            who,
            'version',
          );
          if (!published) continue;
          Object.assign(target.check, { status: 'PUBLISHED', version: published.version, lastNote: null });
          return true;
        }
        return false;
      }
      case 'retractCheck': {
        const target = pickFrom(m.checks().filter(({ check }) => check.status === 'PUBLISHED'));
        if (!target) return null;
        const reason = `Reason ${m.marker()}`;
        const retracted = await this.mutate<{ version: number }>(
          'retractAnnotation',
          'RetractAnnotationInput',
          { id: target.check.id, reason },
          'editor',
          'version',
        );
        if (!retracted) return false;
        Object.assign(target.check, {
          status: 'RETRACTED',
          version: retracted.version,
          lastNote: reason,
          retractionReason: reason,
        });
        target.article.corrections.push({ markers: [reason], sinceFirstPublication: target.article.everPublished });
        return true;
      }
    }
  }

  private newCitation() {
    const marker = this.model.marker();
    return {
      source: { url: `https://example.org/${marker}`, title: `Source ${marker}`, kind: 'NEWS_REPORT' },
      stance: 'REFUTES',
      excerpt: `Excerpt ${this.model.marker()}`,
    };
  }

  /** The check's citations as the service stored them, each source known to the model once. */
  private citationsFrom(answer: CheckAnswer): ModelCheck['citations'] {
    return answer.citations.map(({ source, excerpt }) => {
      let known = this.model.sources.find((s) => s.id === source.id);
      if (!known) this.model.sources.push((known = source as ModelSource));
      return { source: known, excerpt };
    });
  }

  /** Claims whose anchor a correction broke (FUZZY, AMBIGUOUS, ORPHANED), as an editor sees them. */
  private async staleClaims(): Promise<Set<string>> {
    const ids = this.model.liveClaims().map(({ claim }) => claim.id);
    if (ids.length === 0) return new Set();
    const answer = await this.room.ok<{ nodes: ({ id: string; anchorStatus: string } | null)[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Claim { id anchorStatus } } }',
      { ids },
      this.people.editor,
    );
    return new Set(
      answer.nodes
        .filter((node) => node && ['FUZZY', 'AMBIGUOUS', 'ORPHANED'].includes(node.anchorStatus))
        .map((node) => node!.id),
    );
  }

  /** The mutation's answer, or null when the service refused it (which changes nothing). */
  private async mutate<T = Record<string, unknown>>(
    field: string,
    inputType: string,
    input: Record<string, unknown>,
    who: Actor,
    selection: string,
  ): Promise<T | null> {
    const result = await this.room.attempt<Record<string, T>>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
      { input },
      this.people[who],
    );
    if (result.errors) {
      const code = result.errors[0].extensions?.code;
      // Refusals are part of the game; anything else is a fault of the service.
      if (!['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(String(code)))
        throw new Error(
          `${field} failed: ${JSON.stringify(result.errors)} ${JSON.stringify(this.room.server.logger.entries)}`,
        );
      return null;
    }
    return result.data![field];
  }
}

interface CheckAnswer {
  id: string;
  version: number;
  citations: { source: { id: string; url: string; title: string }; excerpt: string }[];
}

export type { ModelClaim };
