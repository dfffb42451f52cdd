import { expect } from 'vitest';
import type { GraphQLResult, SignedIn, TestServer } from './test-app';

/**
 * The newsroom's moves as GraphQL over HTTP, for tests that act out a story: each returns what
 * the mutation answered and fails the test on an error (`attempt` returns the answer as it is).
 */
export class Newsroom {
  constructor(readonly server: TestServer) {}

  attempt<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    who?: SignedIn,
  ): Promise<GraphQLResult<Data>> {
    return this.server.gql<Data>(query, variables, who?.token);
  }

  async ok<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    who?: SignedIn,
  ): Promise<Data> {
    const result = await this.attempt<Data>(query, variables, who);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  }

  /** One mutation field taking `input`, answering `selection` of what it returns. */
  async mutate<Row = { id: string; version: number }>(
    field: string,
    inputType: string,
    input: Record<string, unknown>,
    who: SignedIn,
    selection = 'id version',
  ): Promise<Row> {
    const data = await this.ok<Record<string, Row>>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
      { input },
      who,
    );
    return data[field];
  }

  /** A draft article by `editor`. */
  createArticle(
    editor: SignedIn,
    input: { slug: string; headline: string; body: string; standfirst?: string; publishedAt?: string; url?: string },
  ) {
    return this.mutate('createArticle', 'CreateArticleInput', input, editor);
  }

  updateArticle(editor: SignedIn, input: Record<string, unknown> & { id: string; expectedVersion: number }) {
    return this.mutate('updateArticle', 'UpdateArticleInput', input, editor);
  }

  publishArticle(editor: SignedIn, id: string) {
    return this.mutate('publishArticle', 'ArticleTransitionInput', { id }, editor);
  }

  /** Archives it; a published article takes a `note` (the withdrawal notice readers see). */
  archiveArticle(editor: SignedIn, id: string, note = 'Withdrawn pending review.') {
    return this.mutate('archiveArticle', 'ArticleTransitionInput', { id, note }, editor);
  }

  createClaim(who: SignedIn, input: { articleId: string; quote: string; claimant?: string }) {
    return this.mutate<{ id: string }>('createClaim', 'CreateClaimInput', input, who, 'id');
  }

  /**
   * A draft fact-check by `author`, citing `DEFAULT_EVIDENCE` unless `citations` are given (a
   * fact-check is published only with a cited source).
   */
  createAnnotation(
    author: SignedIn,
    input: { claimId: string; verdict: string; summary: string; body: string; citations?: unknown[] },
  ) {
    return this.mutate(
      'createAnnotation',
      'CreateAnnotationInput',
      { citations: [DEFAULT_EVIDENCE], ...input },
      author,
    );
  }

  updateAnnotation(who: SignedIn, input: Record<string, unknown> & { id: string }) {
    return this.mutate('updateAnnotation', 'UpdateAnnotationInput', input, who);
  }

  submit(author: SignedIn, id: string) {
    return this.mutate('submitAnnotation', 'AnnotationTransitionInput', { id }, author);
  }

  publish(editor: SignedIn, id: string, expectedVersion: number) {
    return this.mutate('publishAnnotation', 'PublishAnnotationInput', { id, expectedVersion }, editor);
  }

  retract(editor: SignedIn, id: string, reason: string) {
    return this.mutate('retractAnnotation', 'RetractAnnotationInput', { id, reason }, editor);
  }

  /** A fact-check written by `author`, submitted, and published by `editor`. */
  async publishedCheck(author: SignedIn, editor: SignedIn, input: Parameters<Newsroom['createAnnotation']>[1]) {
    const draft = await this.createAnnotation(author, input);
    const submitted = await this.submit(author, draft.id);
    return this.publish(editor, draft.id, submitted.version);
  }

  /** A published article with one claim quoting `quote`, ready for fact-checks. */
  async publishedStory(editor: SignedIn, reviewer: SignedIn, slug: string, body: string, quote: string) {
    const article = await this.createArticle(editor, { slug, headline: `Headline ${slug}`, body });
    const published = await this.publishArticle(editor, article.id);
    const claim = await this.createClaim(reviewer, { articleId: article.id, quote });
    return { articleId: article.id, version: published.version, claimId: claim.id };
  }

  /** The text of a reader page, or null when it is not there (404). */
  async readerPage(path: string): Promise<string | null> {
    const response = await fetch(`${this.server.url}${path}`);
    const text = await response.text();
    return response.status === 200 ? text : null;
  }
}

/** The citation of a test fact-check that names none. */
export const DEFAULT_EVIDENCE = {
  source: { url: 'https://evidence.example.org/record', title: 'The public record', kind: 'DATASET' },
  stance: 'SUPPORTS',
  excerpt: 'What the record shows.',
};

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A moment strictly between two steps of a story: the steps on either side are `gapMs` away. */
export async function moment(gapMs = 5): Promise<string> {
  await pause(gapMs);
  const at = new Date().toISOString();
  await pause(gapMs);
  return at;
}
