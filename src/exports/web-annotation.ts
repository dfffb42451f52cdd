/**
 * A fact-check as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), so tools
 * that speak that model can read it. Pure: no database.
 */
export interface WebAnnotationInput {
  /** IRI of the annotation itself. */
  id: string;
  /** IRI of the annotated article (its canonical url when it has one). */
  articleIri: string;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number } | null;
  /** The fact-check's rating: its label in words, and its number on its own best..worst range or none. */
  rating: { label: string; value: number | null; best: number | null; worst: number | null };
  summary: string;
  body: string;
  /** Everyone who wrote or changed the fact-check's content, the author first. */
  creatorNames: string[];
  created: Date;
  modified: Date;
  language: string;
}

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

function person(name: string): { type: 'Person'; name: string } {
  return { type: 'Person', name };
}

/**
 * The rating in words: its label, and its number on its own range when it has one ("False (1;
 * best 5, worst 1)", "Four Pinocchios (4; best 1, worst 4)"). A range is never assumed: a
 * number without both ends is left out.
 */
export function ratingText(rating: WebAnnotationInput['rating']): string {
  const { label, value, best, worst } = rating;
  return value === null || best === null || worst === null
    ? label
    : `${label} (${value}; best ${best}, worst ${worst})`;
}

export function toWebAnnotation(input: WebAnnotationInput): Record<string, unknown> {
  const selectors = input.selector
    ? [
        {
          type: 'TextQuoteSelector',
          exact: input.selector.exact,
          prefix: input.selector.prefix,
          suffix: input.selector.suffix,
        },
        { type: 'TextPositionSelector', start: input.selector.start, end: input.selector.end },
      ]
    : [];
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: input.id,
    type: 'Annotation',
    motivation: 'assessing',
    created: input.created.toISOString(),
    modified: input.modified.toISOString(),
    creator: input.creatorNames.length === 1 ? person(input.creatorNames[0]) : input.creatorNames.map(person),
    body: [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: ratingText(input.rating),
        format: 'text/plain',
        language: input.language,
      },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: input.summary,
        format: 'text/plain',
        language: input.language,
      },
      { type: 'TextualBody', purpose: 'commenting', value: input.body, format: 'text/plain', language: input.language },
    ],
    // A claim that lost its place (ORPHANED, AMBIGUOUS) still targets the article as a whole.
    target: selectors.length > 0 ? { source: input.articleIri, selector: selectors } : { source: input.articleIri },
  };
}
