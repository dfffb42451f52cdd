import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * GraphQL-over-HTTP details Apollo leaves to the server
 * (https://graphql.github.io/graphql-over-http/draft/, checked by tests/http/graphql-over-http.test.ts).
 *
 * Status codes of refused requests. With `application/graphql-response+json` the status tells
 * the client what happened (400 for a document that does not parse or validate), and Apollo
 * does that. With the legacy `application/json` a client cannot tell a GraphQL error response
 * from a proxy's error page by a 4xx status, so the spec asks for 200 on every well-formed
 * request, the errors being in the body; Apollo answers 400 there too, and this plugin turns
 * those into 200.
 *
 * Only GraphQL request errors are changed: CSRF refusals, malformed or oversized bodies and
 * a missing query (not well-formed requests), 405 for a mutation over GET, 429 for rate
 * limits and anything else keep their status.
 */
export function graphqlOverHttpPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          // Not over HTTP (executeOperation): there is no status to negotiate.
          if (!request.http) return;
          // Apollo marks the request errors it raises itself with 400; any other status is deliberate.
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          // A `data` entry means execution started: not a request error.
          if (response.body.singleResult.data !== undefined) return;
          // The codes Apollo forces on its own errors, before formatError could rewrite them.
          if (!errors?.length || !errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions.code))))
            return;
          if (negotiatedMediaType(request.http.headers.get('accept')) !== LEGACY_JSON) return;
          response.http.status = 200;
        },
      };
    },
  };
}

/**
 * Errors of a well-formed request that cannot run: the document does not parse or validate
 * (our query limits are validation rules too), the operation is not in it, or the variables
 * do not fit their types (Apollo's status400ForVariableCoercionErrors).
 */
const REQUEST_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.BAD_USER_INPUT,
]);

const LEGACY_JSON = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * The types Apollo offers for a single result, in its order (chooseContentTypeForSingleResultResponse);
 * the third is the subscription-callback flavour of application/json.
 */
const OFFERED: { type: string; subtype: string; params: Record<string, string>; answer: string }[] = [
  { type: 'application', subtype: 'json', params: { charset: 'utf-8' }, answer: LEGACY_JSON },
  {
    type: 'application',
    subtype: 'graphql-response+json',
    params: { charset: 'utf-8' },
    answer: GRAPHQL_RESPONSE_JSON,
  },
  { type: 'application', subtype: 'json', params: { callbackspec: '1.0', charset: 'utf-8' }, answer: LEGACY_JSON },
];

interface MediaRange {
  type: string;
  subtype: string;
  params: Record<string, string>;
  q: number;
  order: number;
}

/**
 * The media type Apollo will answer with, decided as Apollo's negotiator (the `negotiator`
 * package) decides it, so the status and the content type agree: the highest q wins, then the
 * most specific range, then the earlier range in the header, then Apollo's order (JSON first).
 * No (or an empty) header means application/json; null means neither is acceptable (Apollo answers 406).
 */
export function negotiatedMediaType(accept: string | undefined): string | null {
  if (!accept) return LEGACY_JSON;
  const ranges = parseAccept(accept);
  const ranked = OFFERED.map((offer, index) => {
    let best: { q: number; specificity: number; order: number } | null = null;
    for (const range of ranges) {
      const specificity = matchSpecificity(range, offer);
      if (specificity === null) continue;
      // The most specific matching range sets the quality (application/json;q=0 beats */*).
      if (!best || (specificity - best.specificity || range.q - best.q || range.order - best.order) > 0) {
        best = { q: range.q, specificity, order: range.order };
      }
    }
    return best && best.q > 0 ? { ...best, index, answer: offer.answer } : null;
  }).filter((entry) => entry !== null);
  ranked.sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.order - b.order || a.index - b.index);
  return ranked[0]?.answer ?? null;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(',').flatMap((part, order) => {
    const [range, ...rawParams] = part.split(';').map((piece) => piece.trim());
    const slash = range.indexOf('/');
    if (slash <= 0) return [];
    const params: Record<string, string> = {};
    for (const raw of rawParams) {
      const eq = raw.indexOf('=');
      if (eq > 0)
        params[raw.slice(0, eq).trim().toLowerCase()] = raw
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1');
    }
    // An unreadable q counts as 0, which the negotiator also treats as "not acceptable".
    const q = params.q === undefined ? 1 : Number.parseFloat(params.q);
    delete params.q;
    return [
      {
        type: range.slice(0, slash).toLowerCase(),
        subtype: range.slice(slash + 1).toLowerCase(),
        params,
        q: Number.isNaN(q) ? 0 : q,
        order,
      },
    ];
  });
}

/** 4 for an exact type, 2 for an exact subtype, 1 for matching parameters; null when the range does not cover the offer. */
function matchSpecificity(range: MediaRange, offer: (typeof OFFERED)[number]): number | null {
  let specificity = 0;
  if (range.type === offer.type) specificity |= 4;
  else if (range.type !== '*') return null;
  if (range.subtype === offer.subtype) specificity |= 2;
  else if (range.subtype !== '*') return null;
  const keys = Object.keys(range.params);
  if (keys.length > 0) {
    if (
      !keys.every(
        (key) =>
          range.params[key] === '*' || range.params[key].toLowerCase() === (offer.params[key] ?? '').toLowerCase(),
      )
    )
      return null;
    specificity |= 1;
  }
  return specificity;
}
