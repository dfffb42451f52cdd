// The article query's JSON as the raw baselines build it from plain rows, shared by the SQLite
// (raw-server.mjs) and PostgreSQL (raw-pg-server.mjs) baselines. No database driver here, so
// each baseline process loads only its own.

export const VERDICT_SCALE = {
  TRUE: { value: 5, label: 'True' },
  MOSTLY_TRUE: { value: 4, label: 'Mostly true' },
  MIXED: { value: 3, label: 'Mixed' },
  MOSTLY_FALSE: { value: 2, label: 'Mostly false' },
  FALSE: { value: 1, label: 'False' },
  MISLEADING: { value: null, label: 'Misleading' },
  NEEDS_CONTEXT: { value: null, label: 'Needs context' },
  UNVERIFIABLE: { value: null, label: 'Unverifiable' },
};

/** Fact-check statuses an anonymous reader sees (src/modules/auth/visibility.ts). */
export const PUBLIC_ANNOTATION = "('PUBLISHED', 'RETRACTED')";

export const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

export function rating(verdict) {
  const scale = VERDICT_SCALE[verdict];
  return { value: scale.value, best: 5, worst: 1, label: scale.label };
}

/**
 * `{ article }` from the four statements' rows (article, its claims in text order, its visible
 * fact-checks by claim and newest first, their citations in order); `date` turns a stored
 * date into the ISO text the service prints. Object literals in the query's field order: the
 * response bytes match the service's.
 */
export function articleJson(row, claims, annotations, citations, date) {
  const citationsByAnnotation = new Map();
  for (const c of citations) {
    let list = citationsByAnnotation.get(c.annotation_id);
    if (!list) citationsByAnnotation.set(c.annotation_id, (list = []));
    list.push({
      stance: c.stance,
      excerpt: c.excerpt,
      source: {
        id: globalId('Source', c.source_id),
        url: c.url,
        title: c.title,
        publisher: c.publisher,
        kind: c.kind,
        publishedAt: date(c.published_at),
      },
    });
  }
  const annotationsByClaim = new Map();
  for (const a of annotations) {
    let list = annotationsByClaim.get(a.claim_id);
    if (!list) annotationsByClaim.set(a.claim_id, (list = []));
    list.push({
      id: globalId('Annotation', a.id),
      verdict: a.verdict,
      summary: a.summary,
      body: a.body,
      version: a.version,
      publishedAt: date(a.published_at),
      rating: rating(a.verdict),
      author: { name: a.author_name },
      citations: citationsByAnnotation.get(a.id) ?? [],
    });
  }
  return {
    article: {
      id: globalId('Article', row.id),
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      authors: JSON.parse(row.authors),
      section: row.section,
      language: row.language,
      publishedAt: date(row.published_at),
      claims: claims.map((c) => ({
        id: globalId('Claim', c.id),
        quote: c.quote,
        claimant: c.claimant === null ? null : { name: c.claimant },
        verdict: c.verdict,
        selector: { exact: c.quote, prefix: c.prefix, suffix: c.suffix, start: c.start_offset, end: c.end_offset },
        annotations: annotationsByClaim.get(c.id) ?? [],
      })),
    },
  };
}
