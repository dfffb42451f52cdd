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
  type ModelClaimant,
  type ModelSource,
  NewsroomModel,
  sentenceText,
  VERDICTS,
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
  updateClaimant: 'createClaimant',
  mergeClaimants: 'createClaimant',
  dismissSuggestion: 'createClaim',
  listPlace: 'createClaim',
  unlistPlace: 'listPlace',
  placeInArticle: 'createArticle',
  unplaceInArticle: 'placeInArticle',
  mergeClaims: 'createClaim',
};

/** Where a history chooses among claimants: the claim's own ones and those of the directory. */
const CLAIMANT_FIELDS = 'id slug name';

/**
 * The name written otherwise, as people do (another case, other spacing): the same claimant.
 * Only the first word changes: the marker stays lower case, for the scan to find.
 */
function variantOf(name: string, n: number): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  const tail = rest.join(' ');
  return [
    `${first.toUpperCase()}  ${tail}`,
    `  ${first.toLowerCase()} ${tail} `,
    `${first[0].toLowerCase()}${first.slice(1).toUpperCase()} ${tail}`,
  ][n % 3];
}

/** A claimant's aliases as the service keeps them: trimmed, none twice (by key), never the name itself. */
function aliasesOf(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([NewsroomModel.nameKey(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const key = NewsroomModel.nameKey(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(alias.trim());
  }
  return kept;
}

/**
 * Plays a history of staff actions against the service, as the people who would do them, and
 * applies to the model only what the service accepted. Refusals are expected (a reviewer may
 * not touch a checked claim, four eyes...): the integrity oracle is about those; here they
 * just change nothing.
 */
export class NewsroomActions {
  readonly room: Newsroom;
  /** The code of the last refusal (FORBIDDEN, CONFLICT...). */
  private refusal: string | null = null;

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
        // Every third restates a claim of another article (its very sentence): suggestedClaims has something to find.
        const restated = pick % 3 === 0 ? pickFrom(m.liveClaims()) : undefined;
        const again = restated?.article.sentences.find((s) => sentenceText(s) === restated.claim.quote);
        if (again) sentences[1] = again;
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
            ...(pick % 2 === 0 ? { section: 'News' } : {}),
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
        // Reviewers mark claims in published stories; editors in drafts too.
        const who: Actor = article.status === 'PUBLISHED' ? 'reviewer' : 'editor';
        // A new claimant by name, a known one by its name written otherwise, or a known one by id
        // (a merged one's id gives the one it was merged into).
        const known = pickFrom(m.claimants);
        const way = Math.floor(pick / 3) % 4;
        const byName = known && way === 1 ? variantOf(known.name, pick) : `Claimant ${m.marker()}`;
        const byId = known && way === 2 ? known : undefined;
        const expected = byId ? NewsroomModel.resolve(byId) : m.claimantNamed(byName);
        // Reviewers name, by id, only claimants they may see.
        const refused = byId && who === 'reviewer' && !m.reviewerSeesClaimant(expected!);
        const created = await this.mutate<{ id: string; claimant: ClaimantAnswer }>(
          'createClaim',
          'CreateClaimInput',
          { articleId: article.id, quote, ...(byId ? { claimantId: byId.id } : { claimant: byName }) },
          who,
          `id claimant { ${CLAIMANT_FIELDS} }`,
        );
        this.expectOutcome(
          `createClaim naming ${byId ? `${byId.id} by id` : byName}`,
          created,
          refused ? 'BAD_USER_INPUT' : true,
        );
        if (!created) return false;
        const claimant = this.claimantFrom(created.claimant, expected, byName);
        claimant.everNamed = true;
        article.claims.push({
          id: created.id,
          order: m.nextClaimOrder(),
          quote,
          claimant,
          deleted: false,
          checks: [],
          namedInPublic: new Set(),
          places: [],
          articlePlaces: [],
          mergedInto: null,
        });
        return true;
      }
      case 'changeClaimant': {
        const target = pickFrom(m.liveClaims());
        if (!target) return null;
        // Someone new, or a known claimant by their name written otherwise.
        const known = Math.floor(pick / 3) % 3 === 1 ? pickFrom(m.liveClaimants()) : undefined;
        const name = known ? variantOf(known.name, pick) : `Claimant ${m.marker()}`;
        const expected = m.claimantNamed(name);
        const same = expected !== undefined && expected === target.claim.claimant;
        const onRecord = !same && NewsroomModel.onRecord(target.claim);
        const note = `Note ${m.marker()}`;
        const fields = `id claimant { ${CLAIMANT_FIELDS} }`;
        // A reviewer first, where they can reach it; a checked claim needs an editor and a note.
        let changed: { claimant: ClaimantAnswer } | null = null;
        if (target.article.status === 'PUBLISHED') {
          changed = await this.mutate(
            'updateClaim',
            'UpdateClaimInput',
            { id: target.claim.id, claimant: name },
            'reviewer',
            fields,
          );
          this.expectOutcome('updateClaim by a reviewer', changed, onRecord ? 'FORBIDDEN' : true);
        }
        if (!changed) {
          changed = await this.mutate(
            'updateClaim',
            'UpdateClaimInput',
            { id: target.claim.id, claimant: name, ...(onRecord ? { note } : {}) },
            'editor',
            fields,
          );
          this.expectOutcome('updateClaim by an editor', changed, true);
        }
        if (!changed) return false;
        const claimant = this.claimantFrom(changed.claimant, expected, name);
        if (same) return true;
        if (onRecord)
          target.article.corrections.push({
            kind: 'CLAIMANT_CHANGED',
            claimId: target.claim.id,
            note,
            previousText: target.claim.claimant?.name ?? null,
            newText: claimant.name,
            sinceFirstPublication: target.article.everPublished,
          });
        target.claim.claimant = claimant;
        claimant.everNamed = true;
        return true;
      }
      case 'listPlace': {
        const target = pickFrom(m.liveClaims());
        if (!target) return null;
        const url = `https://example.org/said-${m.marker()}`;
        const onRecord = NewsroomModel.onRecord(target.claim);
        const note = `Note ${m.marker()}`;
        // A reviewer first, where they can reach it; a checked claim needs an editor and a note.
        let listed: { id: string } | null = null;
        if (target.article.status === 'PUBLISHED') {
          listed = await this.mutate(
            'addClaimAppearance',
            'AddClaimAppearanceInput',
            { claimId: target.claim.id, url },
            'reviewer',
            'id',
          );
          this.expectOutcome('addClaimAppearance by a reviewer', listed, onRecord ? 'FORBIDDEN' : true);
        }
        if (!listed) {
          listed = await this.mutate(
            'addClaimAppearance',
            'AddClaimAppearanceInput',
            { claimId: target.claim.id, url, ...(onRecord ? { note } : {}) },
            'editor',
            'id',
          );
          this.expectOutcome('addClaimAppearance by an editor', listed, true);
        }
        if (!listed) return false;
        target.claim.places.push({ id: listed.id, url, removed: false, everPublic: false });
        if (onRecord)
          target.article.corrections.push({
            kind: 'PLACE_ADDED',
            claimId: target.claim.id,
            note,
            previousText: null,
            newText: url,
            sinceFirstPublication: target.article.everPublished,
          });
        return true;
      }
      case 'unlistPlace': {
        const target = pickFrom(m.liveClaims().filter(({ claim }) => claim.places.some((place) => !place.removed)));
        if (!target) return null;
        const place = pickFrom(target.claim.places.filter((candidate) => !candidate.removed))!;
        const onRecord = NewsroomModel.onRecord(target.claim);
        const note = `Note ${m.marker()}`;
        let removed: { removedAppearanceId: string } | null = null;
        if (target.article.status === 'PUBLISHED') {
          removed = await this.mutate(
            'removeClaimAppearance',
            'RemoveClaimAppearanceInput',
            { id: place.id },
            'reviewer',
            'removedAppearanceId',
          );
          this.expectOutcome('removeClaimAppearance by a reviewer', removed, onRecord ? 'FORBIDDEN' : true);
        }
        if (!removed) {
          removed = await this.mutate(
            'removeClaimAppearance',
            'RemoveClaimAppearanceInput',
            { id: place.id, ...(onRecord ? { note } : {}) },
            'editor',
            'removedAppearanceId',
          );
          this.expectOutcome('removeClaimAppearance by an editor', removed, true);
        }
        if (!removed) return false;
        place.removed = true;
        if (onRecord)
          target.article.corrections.push({
            kind: 'PLACE_REMOVED',
            claimId: target.claim.id,
            note,
            previousText: place.url,
            newText: null,
            sinceFirstPublication: target.article.everPublished,
          });
        return true;
      }
      case 'placeInArticle':
        return this.placeInArticle(pick, flag);
      case 'unplaceInArticle':
        return this.unplaceInArticle(pick, flag);
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
            kind: 'QUOTE_CHANGED',
            claimId: target.claim.id,
            note,
            previousText: target.claim.quote,
            newText: quote,
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
        const verdict = VERDICTS[Math.floor(pick / 7) % VERDICTS.length];
        const created = await this.mutate<CheckAnswer>(
          'createAnnotation',
          'CreateAnnotationInput',
          { claimId: target.claim.id, verdict, ...check, citations: [citation] },
          author,
          CHECK_FIELDS,
        );
        if (!created) return false;
        target.claim.checks.push({
          id: created.id,
          author,
          status: 'DRAFT',
          version: created.version,
          verdict,
          publishedSeq: null,
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
        // Every other one changes the verdict too: what the claimant's summary and filters count.
        const verdict =
          Math.floor(pick / 7) % 2 === 0 ? VERDICTS[(VERDICTS.indexOf(check.verdict) + 1) % 3] : undefined;
        const updated = await this.mutate<CheckAnswer>(
          'updateAnnotation',
          'UpdateAnnotationInput',
          {
            id: check.id,
            expectedVersion: check.version,
            summary,
            ...(verdict ? { verdict } : {}),
            ...(citations ? { citations } : {}),
            ...(note ? { note } : {}),
          },
          who,
          CHECK_FIELDS,
        );
        if (!updated) return false;
        const verdictChanged = verdict !== undefined && verdict !== check.verdict;
        Object.assign(check, {
          summary,
          verdict: verdict ?? check.verdict,
          version: updated.version,
          citations: this.citationsFrom(updated),
          lastNote: note,
        });
        check.contributors.add(who);
        if (note)
          target.article.corrections.push({
            kind: verdictChanged ? 'VERDICT_CHANGED' : 'CHECK_UPDATED',
            claimId: target.claim.id,
            note,
            previousText: null,
            newText: null,
            sinceFirstPublication: target.article.everPublished,
          });
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
          Object.assign(target.check, {
            status: 'PUBLISHED',
            version: published.version,
            lastNote: null,
            publishedSeq: m.nextPublication(),
          });
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
        target.article.corrections.push({
          kind: 'RETRACTED',
          claimId: target.claim.id,
          note: reason,
          previousText: null,
          newText: null,
          sinceFirstPublication: target.article.everPublished,
        });
        return true;
      }
      case 'createClaimant':
        return this.createClaimant(pick, flag);
      case 'updateClaimant':
        return this.updateClaimant(pick, flag);
      case 'mergeClaimants':
        return this.mergeClaimants(pick, flag);
      case 'dismissSuggestion':
        return this.dismissSuggestion(pick, flag);
      case 'mergeClaims':
        return this.mergeClaims(pick, flag);
    }
  }

  /**
   * Marks that a live claim also appears in another article, at one of that article's sentences
   * (each marker occurs once in a body). A reviewer first where listPlace tries one (or, with
   * `flag`, anywhere): reviewers work on published articles only (NOT_FOUND otherwise), and a
   * checked claim's place in a published article is an editor's correction, with a note.
   */
  private async placeInArticle(pick: number, flag: boolean): Promise<boolean | null> {
    const m = this.model;
    const target = m.liveClaims()[pick % Math.max(m.liveClaims().length, 1)];
    if (!target) return null;
    const others = m.articles.filter((article) => article !== target.article);
    const article = others[Math.floor(pick / 3) % Math.max(others.length, 1)];
    if (!article) return null;
    const quote = sentenceText(article.sentences[pick % article.sentences.length]);
    // A second place in one article is refused (BAD_USER_INPUT): not this history's point.
    if (target.claim.articlePlaces.some((place) => !place.removed && place.article === article)) return null;
    const publicChange = NewsroomModel.onRecord(target.claim) && article.status === 'PUBLISHED';
    const note = `Note ${m.marker()}`;
    const input = { claimId: target.claim.id, articleId: article.id, quote };
    let placed: { id: string } | null = null;
    if (target.article.status === 'PUBLISHED' || flag) {
      placed = await this.mutate('addClaimAppearance', 'AddClaimAppearanceInput', input, 'reviewer', 'id');
      this.expectOutcome(
        `addClaimAppearance in ${article.status} ${article.slug} of a claim of ${target.article.status} ${target.article.slug} by a reviewer`,
        placed,
        target.article.status !== 'PUBLISHED' || article.status !== 'PUBLISHED'
          ? 'NOT_FOUND'
          : publicChange
            ? 'FORBIDDEN'
            : true,
      );
    }
    if (!placed && publicChange && !flag) {
      const unsaid = await this.mutate('addClaimAppearance', 'AddClaimAppearanceInput', input, 'editor', 'id');
      this.expectOutcome('addClaimAppearance in an article by an editor without a note', unsaid, 'BAD_USER_INPUT');
    }
    if (!placed) {
      placed = await this.mutate(
        'addClaimAppearance',
        'AddClaimAppearanceInput',
        { ...input, ...(publicChange ? { note } : {}) },
        'editor',
        'id',
      );
      this.expectOutcome(`addClaimAppearance in ${article.status} ${article.slug} by an editor`, placed, true);
    }
    if (!placed) return false;
    target.claim.articlePlaces.push({ id: placed.id, article, quote, removed: false });
    if (publicChange)
      target.article.corrections.push({
        kind: 'PLACE_ADDED',
        claimId: target.claim.id,
        note,
        previousText: null,
        newText: `${article.slug}: “${quote}”`,
        sinceFirstPublication: target.article.everPublished,
      });
    return true;
  }

  /** Takes a claim's further place in another article off: as placeInArticle, the other way. */
  private async unplaceInArticle(pick: number, flag: boolean): Promise<boolean | null> {
    const m = this.model;
    const placed = m
      .liveClaims()
      .flatMap((target) => target.claim.articlePlaces.filter((p) => !p.removed).map((place) => ({ ...target, place })));
    const target = placed[pick % Math.max(placed.length, 1)];
    if (!target) return null;
    const { place } = target;
    const publicChange = NewsroomModel.onRecord(target.claim) && place.article.status === 'PUBLISHED';
    const note = `Note ${m.marker()}`;
    let removed: { removedAppearanceId: string } | null = null;
    if (target.article.status === 'PUBLISHED' || flag) {
      removed = await this.mutate(
        'removeClaimAppearance',
        'RemoveClaimAppearanceInput',
        { id: place.id },
        'reviewer',
        'removedAppearanceId',
      );
      this.expectOutcome(
        `removeClaimAppearance in ${place.article.status} ${place.article.slug} of a claim of ${target.article.status} ${target.article.slug} by a reviewer`,
        removed,
        target.article.status !== 'PUBLISHED' || place.article.status !== 'PUBLISHED'
          ? 'NOT_FOUND'
          : publicChange
            ? 'FORBIDDEN'
            : true,
      );
    }
    if (!removed && publicChange && !flag) {
      const unsaid = await this.mutate(
        'removeClaimAppearance',
        'RemoveClaimAppearanceInput',
        { id: place.id },
        'editor',
        'removedAppearanceId',
      );
      this.expectOutcome('removeClaimAppearance in an article by an editor without a note', unsaid, 'BAD_USER_INPUT');
    }
    if (!removed) {
      removed = await this.mutate(
        'removeClaimAppearance',
        'RemoveClaimAppearanceInput',
        { id: place.id, ...(publicChange ? { note } : {}) },
        'editor',
        'removedAppearanceId',
      );
      this.expectOutcome(
        `removeClaimAppearance in ${place.article.status} ${place.article.slug} by an editor`,
        removed,
        true,
      );
    }
    if (!removed) return false;
    place.removed = true;
    if (publicChange)
      target.article.corrections.push({
        kind: 'PLACE_REMOVED',
        claimId: target.claim.id,
        note,
        previousText: `${place.article.slug}: “${place.quote}”`,
        newText: null,
        sinceFirstPublication: target.article.everPublished,
      });
    return true;
  }

  /** A directory entry, by a reviewer or an editor; every third tries a name another has (refused). */
  private async createClaimant(pick: number, flag: boolean): Promise<boolean> {
    const m = this.model;
    const live = m.liveClaimants();
    const name =
      live.length > 0 && pick % 3 === 0 ? variantOf(live[pick % live.length].name, pick) : `Claimant ${m.marker()}`;
    const description = pick % 2 === 0 ? `Description ${m.marker()}` : null;
    const aliases = pick % 5 < 2 ? [`Alias ${m.marker()}`] : [];
    const created = await this.mutate<ClaimantAnswer & { aliases: string[] }>(
      'createClaimant',
      'CreateClaimantInput',
      { name, aliases, ...(description ? { description } : {}) },
      flag ? 'editor' : 'reviewer',
      `${CLAIMANT_FIELDS} aliases`,
    );
    this.expectOutcome(`createClaimant ${JSON.stringify(name)}`, created, m.claimantNamed(name) ? 'CONFLICT' : true);
    if (!created) return false;
    m.claimants.push({
      id: created.id,
      slug: created.slug,
      name: name.trim(),
      aliases: aliasesOf(name, aliases),
      description,
      mergedInto: null,
      everNamed: false,
    });
    return true;
  }

  /**
   * Renames a claimant: to someone new, to their own name written otherwise (still a change
   * readers read), or to another's name (refused). A reviewer tries first, where they can see
   * the claimant: refused once a checked claim reads the name, which takes an editor and a note
   * and leaves a correction on each such claim.
   */
  private async updateClaimant(pick: number, flag: boolean): Promise<boolean | null> {
    const m = this.model;
    const live = m.liveClaimants();
    const claimant = live[pick % Math.max(live.length, 1)];
    if (!claimant) return null;
    const others = live.filter((other) => other !== claimant);
    const way = Math.floor(pick / 5) % 3;
    const name =
      way === 0
        ? variantOf(claimant.name, pick)
        : way === 1 && others.length > 0
          ? variantOf(others[pick % others.length].name, pick)
          : `Claimant ${m.marker()}`;
    const description = flag ? `Description ${m.marker()}` : undefined;
    const taken = m.claimantNamed(name);
    const conflict = taken !== undefined && taken !== claimant;
    const renamed = name.trim() !== claimant.name;
    const onRecord = renamed && m.claimantOnRecord(claimant);
    const input = { id: claimant.id, name, ...(description ? { description } : {}) };
    let changed = await this.mutate('updateClaimant', 'UpdateClaimantInput', input, 'reviewer', 'id');
    this.expectOutcome(
      'updateClaimant by a reviewer',
      changed,
      !m.reviewerSeesClaimant(claimant) ? 'NOT_FOUND' : conflict ? 'CONFLICT' : onRecord ? 'FORBIDDEN' : true,
    );
    if (!changed && !conflict) {
      const note = `Note ${m.marker()}`;
      if (onRecord && !flag) {
        const unsaid = await this.mutate('updateClaimant', 'UpdateClaimantInput', input, 'editor', 'id');
        this.expectOutcome('updateClaimant by an editor without a note', unsaid, 'BAD_USER_INPUT');
      }
      changed = await this.mutate('updateClaimant', 'UpdateClaimantInput', { ...input, note }, 'editor', 'id');
      this.expectOutcome('updateClaimant by an editor', changed, true);
      if (onRecord) this.recordClaimantChange(claimant, note, claimant.name, name.trim());
    } else if (conflict) {
      this.expectOutcome(
        'updateClaimant by an editor',
        await this.mutate('updateClaimant', 'UpdateClaimantInput', input, 'editor', 'id'),
        'CONFLICT',
      );
    }
    if (!changed) return false;
    claimant.name = name.trim();
    if (description) claimant.description = description;
    return true;
  }

  /** Merges one record into another (editors only): moved checked claims read another name, a correction each. */
  private async mergeClaimants(pick: number, flag: boolean): Promise<boolean | null> {
    const m = this.model;
    const live = m.liveClaimants();
    if (live.length < 2) return null;
    const keep = live[pick % live.length];
    const others = live.filter((other) => other !== keep);
    const merge = others[Math.floor(pick / 7) % others.length];
    const onRecord = m.claimantOnRecord(merge);
    const input = { keepId: keep.id, mergeId: merge.id };
    if (flag)
      this.expectOutcome(
        'mergeClaimants by a reviewer',
        await this.mutate('mergeClaimants', 'MergeClaimantsInput', input, 'reviewer', 'id'),
        'FORBIDDEN',
      );
    if (onRecord && !flag)
      this.expectOutcome(
        'mergeClaimants without a note',
        await this.mutate('mergeClaimants', 'MergeClaimantsInput', input, 'editor', 'id'),
        'BAD_USER_INPUT',
      );
    const note = `Note ${m.marker()}`;
    const merged = await this.mutate<ClaimantAnswer & { aliases: string[] }>(
      'mergeClaimants',
      'MergeClaimantsInput',
      { ...input, ...(onRecord || flag ? { note } : {}) },
      'editor',
      `${CLAIMANT_FIELDS} aliases`,
    );
    this.expectOutcome('mergeClaimants by an editor', merged, true);
    if (!merged) return false;
    if (onRecord) this.recordClaimantChange(merge, note, merge.name, keep.name);
    for (const { claim } of m.claimsOf(merge)) {
      claim.claimant = keep;
      if (!claim.deleted) keep.everNamed = true;
    }
    keep.aliases = aliasesOf(keep.name, [...keep.aliases, merge.name, ...merge.aliases]);
    keep.description ??= merge.description;
    for (const claimant of m.claimants) if (claimant.mergedInto === merge) claimant.mergedInto = keep;
    merge.mergedInto = keep;
    if (merged.id !== keep.id || JSON.stringify(merged.aliases) !== JSON.stringify(keep.aliases))
      throw new Error(
        `mergeClaimants answered ${JSON.stringify(merged)}, the model has ${JSON.stringify(keep.aliases)}`,
      );
    return true;
  }

  /**
   * Merges one live claim into another (editors only; with `flag` a reviewer tries first and is
   * refused): when either carries a published fact-check a note is needed (without it, refused),
   * and each claim's article gets a correction. Afterwards the merged id is no claim to act on.
   */
  private async mergeClaims(pick: number, flag: boolean): Promise<boolean | null> {
    const m = this.model;
    const live = m.liveClaims();
    if (live.length < 2) return null;
    const keep = live[pick % live.length];
    const others = live.filter((other) => other !== keep);
    const merge = others[Math.floor(pick / 7) % others.length];
    const onRecord = NewsroomModel.onRecord(keep.claim) || NewsroomModel.onRecord(merge.claim);
    const input = { keepId: keep.claim.id, mergeId: merge.claim.id };
    const what = `mergeClaims of ${merge.claim.id} (${merge.article.status} ${merge.article.slug}) into ${keep.claim.id} (${keep.article.status} ${keep.article.slug})`;
    if (flag)
      this.expectOutcome(
        `${what} by a reviewer`,
        await this.mutate('mergeClaims', 'MergeClaimsInput', input, 'reviewer', 'id'),
        'FORBIDDEN',
      );
    if (onRecord && !flag)
      this.expectOutcome(
        `${what} without a note`,
        await this.mutate('mergeClaims', 'MergeClaimsInput', input, 'editor', 'id'),
        'BAD_USER_INPUT',
      );
    // A note where none is needed (flag) changes nothing readers see: no correction.
    const note = `Note ${m.marker()}`;
    const merged = await this.mutate<{ id: string; verdict: string | null }>(
      'mergeClaims',
      'MergeClaimsInput',
      { ...input, ...(onRecord || flag ? { note } : {}) },
      'editor',
      'id verdict',
    );
    this.expectOutcome(`${what} by an editor`, merged, true);
    if (!merged) return false;
    m.mergeClaim(keep.claim, merge.claim, onRecord ? note : null);
    // The outside places listed anew on the kept claim: their ids, by url.
    const relisted = keep.claim.places.filter((place) => place.id === '');
    if (relisted.length > 0) {
      const { claim } = await this.room.ok<{
        claim: { appearances: { edges: { node: { id?: string; url?: string } }[] } };
      }>(
        'query($id: ID!) { claim(id: $id) { appearances(first: 100) { edges { node { ... on OutsideAppearance { id url } } } } } }',
        { id: keep.claim.id },
        this.people.editor,
      );
      const idOf = new Map(claim.appearances.edges.map(({ node }) => [node.url, node.id]));
      for (const place of relisted) place.id = idOf.get(place.url) ?? '';
    }
    const verdict = NewsroomModel.verdictOf(keep.claim);
    if (merged.id !== keep.claim.id || merged.verdict !== verdict)
      throw new Error(`${what} answered ${JSON.stringify(merged)}, the model has verdict ${verdict}`);
    // Writes on the merged id are refused, whether its row is a place now or was taken off: it
    // names the kept claim, act on that one.
    this.expectOutcome(
      `deleteClaim of the merged ${merge.claim.id}`,
      await this.mutate('deleteClaim', 'DeleteClaimInput', { id: merge.claim.id }, 'editor', 'deletedClaimId'),
      'CONFLICT',
    );
    return true;
  }

  /**
   * Dismisses a suggested claim of an article's sentence (a reviewer on a published article, an
   * editor anywhere): one the service suggested, else a pair dismissed ahead. Staff-only: readers
   * see nothing of it; the pair is not suggested again.
   */
  private async dismissSuggestion(pick: number, flag: boolean): Promise<boolean | null> {
    const m = this.model;
    const article = m.articles[pick % Math.max(m.articles.length, 1)];
    if (!article) return null;
    const who: Actor = article.status === 'PUBLISHED' && !flag ? 'reviewer' : flag ? 'secondEditor' : 'editor';
    const suggested = async () =>
      (
        await this.room.ok<{ article: { suggestedClaims: { sentence: { text: string }; claim: { id: string } }[] } }>(
          'query($id: ID!) { article(id: $id) { suggestedClaims { sentence { text } claim { id } } } }',
          { id: article.id },
          this.people[who],
        )
      ).article.suggestedClaims;
    const before = await suggested();
    let target = before.length > 0 ? before[pick % before.length] : undefined;
    if (!target) {
      const other = m
        .liveClaims()
        .filter((c) => c.article !== article && (who !== 'reviewer' || c.article.status === 'PUBLISHED'));
      if (other.length === 0) return null;
      target = {
        sentence: { text: sentenceText(article.sentences[pick % article.sentences.length]) },
        claim: { id: other[pick % other.length].claim.id },
      };
    }
    const dismissed = await this.mutate(
      'dismissClaimSuggestion',
      'DismissClaimSuggestionInput',
      { articleId: article.id, claimId: target.claim.id, sentence: target.sentence.text },
      who,
      'id',
    );
    this.expectOutcome(
      `dismissClaimSuggestion by the ${who} ${before.length > 0 ? 'suggested' : 'ahead'}`,
      dismissed,
      true,
    );
    const again = (await suggested()).filter(
      (s) => s.claim.id === target.claim.id && s.sentence.text === target.sentence.text,
    );
    if (again.length > 0) throw new Error(`a dismissed suggestion came back: ${JSON.stringify(again)}`);
    return true;
  }

  /** Each checked claim of the claimant now reads another name: a correction each, on its article. */
  private recordClaimantChange(claimant: ModelClaimant, note: string, previous: string, next: string): void {
    for (const { article, claim } of this.model.claimsOf(claimant))
      if (!claim.deleted && NewsroomModel.onRecord(claim))
        article.corrections.push({
          kind: 'CLAIMANT_CHANGED',
          claimId: claim.id,
          note,
          previousText: previous,
          newText: next,
          sinceFirstPublication: article.everPublished,
        });
  }

  /**
   * The claimant a claim was answered with, known to the model: the one it expected (a name
   * another claimant has gives that one), or one the service just recorded under `name`.
   */
  private claimantFrom(
    answer: ClaimantAnswer | null,
    expected: ModelClaimant | undefined,
    name: string,
  ): ModelClaimant {
    if (!answer) throw new Error(`a claim naming ${name} was answered without its claimant`);
    if (expected) {
      if (answer.id !== expected.id)
        throw new Error(`${name} gave claimant ${JSON.stringify(answer)}, the model expected ${expected.id}`);
      return expected;
    }
    if (this.model.claimants.some((known) => known.id === answer.id) || answer.name !== name.trim())
      throw new Error(`${name} gave claimant ${JSON.stringify(answer)}, the model expected a new one`);
    const claimant: ModelClaimant = {
      ...answer,
      aliases: [],
      description: null,
      mergedInto: null,
      everNamed: true,
    };
    this.model.claimants.push(claimant);
    return claimant;
  }

  /** Fails the history when the service's answer is not the one the rules give. */
  private expectOutcome(what: string, answer: unknown, expected: true | string): void {
    const outcome = answer ? true : this.refusal;
    if (outcome !== expected) throw new Error(`${what}: the rules give ${expected}, the service answered ${outcome}`);
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
    this.refusal = null;
    if (result.errors) {
      const code = result.errors[0].extensions?.code;
      this.refusal = String(code);
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

interface ClaimantAnswer {
  id: string;
  slug: string;
  name: string;
}

interface CheckAnswer {
  id: string;
  version: number;
  citations: { source: { id: string; url: string; title: string }; excerpt: string }[];
}

export type { ModelClaim };
