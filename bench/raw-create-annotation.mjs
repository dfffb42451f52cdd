// Raw equivalent of the createAnnotation mutation (operation `Bench`), for raw-server.mjs: the
// same checks and the same rows as src/modules/annotation/annotation.service.ts (create) and
// annotation-writes.ts, with better-sqlite3 prepared statements in one transaction.
import { createHash } from 'node:crypto';

/** A GraphQL error as the service reports it: `extensions.code`, the input field at fault. */
export class RawGraphqlError extends Error {
  constructor(message, code, { field, httpStatus } = {}) {
    super(message);
    this.code = code;
    this.field = field;
    this.httpStatus = httpStatus;
  }
}

export const badInput = (message, field) => new RawGraphqlError(message, 'BAD_USER_INPUT', { field });
export const notFound = (message, field) => new RawGraphqlError(message, 'NOT_FOUND', { field });

export const TOKEN = /^fl_[A-Za-z0-9_-]{43}$/;
export const LAST_USED_RESOLUTION_MS = 60_000;
export const RANK = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 };
const VERDICTS = new Set([
  'TRUE',
  'MOSTLY_TRUE',
  'MIXED',
  'MOSTLY_FALSE',
  'FALSE',
  'MISLEADING',
  'NEEDS_CONTEXT',
  'UNVERIFIABLE',
]);
const STANCES = new Set(['SUPPORTS', 'REFUTES', 'CONTEXT']);
const MAX_CITATIONS = 20;
/* eslint-disable no-control-regex -- the service's text rules (src/graphql/text-rules.ts) */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */

/** The stored (UTC text) form of a time, "YYYY-MM-DD HH:MM:SS.SSS". */
export const sqlDate = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

function decodeId(type, id, field) {
  const match =
    typeof id === 'string' && id.length > 0 && id.length <= 100 && /^[A-Za-z0-9_-]+$/.test(id)
      ? /^([A-Za-z]+):([1-9][0-9]{0,14})$/.exec(Buffer.from(id, 'base64url').toString('utf8'))
      : null;
  if (!match) throw badInput('Malformed id: expected an id returned by this API.', field);
  if (match[1] !== type) throw badInput(`Expected a ${type} id, got a ${match[1]} id.`, field);
  return Number(match[2]);
}

/** The trimmed text, or BAD_USER_INPUT: the service's CleanText rule. */
function text(value, field, min, max, multiline = false) {
  if (typeof value !== 'string') throw badInput(`${field} must be text`, field);
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max)
    throw badInput(`${field} must be ${min} to ${max} characters`, field);
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(trimmed))
    throw badInput(`${field} must not contain control characters`, field);
  return trimmed;
}

export function parseInput(input) {
  if (input === null || typeof input !== 'object') throw badInput('input is required', 'input');
  const claimId = decodeId('Claim', input.claimId, 'input.claimId');
  if (!VERDICTS.has(input.verdict)) throw badInput('Unknown verdict.', 'input.verdict');
  const summary = text(input.summary, 'input.summary', 1, 500);
  const body = text(input.body, 'input.body', 0, 20_000, true);
  const list = input.citations ?? [];
  if (!Array.isArray(list) || list.length > MAX_CITATIONS)
    throw badInput(`At most ${MAX_CITATIONS} citations.`, 'input.citations');
  const citations = list.map((c, i) => {
    const at = `input.citations.${i}`;
    // New sources (`source`) are not benchmarked: the raw server only cites existing ones.
    if (c?.sourceId == null || c.source != null)
      throw badInput('raw-server: give `sourceId` (new sources are not supported here).', at);
    if (!STANCES.has(c.stance)) throw badInput('Unknown stance.', `${at}.stance`);
    return {
      sourceId: decodeId('Source', c.sourceId, `${at}.sourceId`),
      stance: c.stance,
      excerpt: text(c.excerpt, `${at}.excerpt`, 1, 2_000, true),
    };
  });
  return { claimId, verdict: input.verdict, summary, body, citations };
}

/** Builds the `Bench` handler on a read-write connection. */
export function createAnnotationHandler(db) {
  const tokenLookup = db.prepare(
    'SELECT t.id AS token_id, t.last_used_at, u.id, u.name, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL',
  );
  const touchToken = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const claimArticle = db.prepare(
    'SELECT a.status FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?',
  );
  const sourceExists = db.prepare('SELECT 1 FROM sources WHERE id = ?').pluck();
  const insertAnnotation = db.prepare(
    'INSERT INTO annotations (claim_id, author_id, verdict, summary, body, status, version, published_at, retracted_at, retraction_reason, created_at, updated_at) ' +
      "VALUES (?, ?, ?, ?, ?, 'DRAFT', 1, NULL, NULL, NULL, ?, ?)",
  );
  const insertCitation = db.prepare(
    'INSERT INTO citations (annotation_id, source_id, stance, excerpt, position) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRevision = db.prepare(
    'INSERT INTO annotation_revisions (annotation_id, version, change, verdict, summary, body, status, citations, actor_id, note, created_at) ' +
      "VALUES (?, 1, 'CREATED', ?, ?, ?, 'DRAFT', ?, ?, NULL, ?)",
  );

  /** The bearer token's user, as AuthService.viewerFrom; last_used_at refreshed at most once a minute. */
  function viewer(headers) {
    const header = headers.authorization;
    if (!header)
      throw new RawGraphqlError('Sign in: send an API token as `Authorization: Bearer <token>`.', 'UNAUTHENTICATED');
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match)
      throw new RawGraphqlError('Malformed Authorization header: expected `Bearer <token>`.', 'UNAUTHENTICATED', {
        httpStatus: 401,
      });
    const row = TOKEN.test(match[1])
      ? tokenLookup.get(createHash('sha256').update(match[1], 'utf8').digest('hex'))
      : undefined;
    if (!row) throw new RawGraphqlError('Unknown or revoked API token.', 'UNAUTHENTICATED', { httpStatus: 401 });
    const now = Date.now();
    const last = row.last_used_at === null ? null : Date.parse(`${row.last_used_at.replace(' ', 'T')}Z`);
    if (last === null || now - last >= LAST_USED_RESOLUTION_MS) touchToken.run(sqlDate(now), row.token_id);
    return row;
  }

  const write = db.transaction((user, input) => {
    const claim = claimArticle.get(input.claimId);
    if (!claim || (RANK[user.role] < RANK.EDITOR && claim.status !== 'PUBLISHED'))
      throw notFound('No such claim.', 'input.claimId');
    const now = sqlDate(Date.now());
    const id = Number(
      insertAnnotation.run(input.claimId, user.id, input.verdict, input.summary, input.body, now, now).lastInsertRowid,
    );
    input.citations.forEach((c, position) => {
      if (sourceExists.get(c.sourceId) === undefined)
        throw notFound('No such source.', `input.citations.${position}.sourceId`);
      insertCitation.run(id, c.sourceId, c.stance, c.excerpt, position);
    });
    insertRevision.run(id, input.verdict, input.summary, input.body, JSON.stringify(input.citations), user.id, now);
    return id;
  });

  return function createAnnotation(variables, headers) {
    const user = viewer(headers);
    if (!(RANK[user.role] >= RANK.REVIEWER))
      throw new RawGraphqlError('This needs the REVIEWER role or higher.', 'FORBIDDEN');
    const id = write(user, parseInput(variables.input));
    // The row just written: its version and status are those inserted.
    return { createAnnotation: { id: globalId('Annotation', id), version: 1, status: 'DRAFT' } };
  };
}
