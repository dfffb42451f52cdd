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
  verdictLabel: string;
  ratingValue: number | null;
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
        value: input.ratingValue === null ? input.verdictLabel : `${input.verdictLabel} (${input.ratingValue}/5)`,
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
