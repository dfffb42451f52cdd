import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { execute, executeOne } from '../../db/sql';
import type { SqlReader } from '../../db/sql-reader';
import { badUserInput, DomainError, ErrorCode, forbidden, notFound } from '../../domain/errors';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import { toGlobalId } from '../../graphql/relay/global-id';
import { clean } from '../../graphql/text-rules';
import { insertCorrection } from '../annotation/annotation-writes';
import { CorrectionKind } from '../annotation/correction.entity';
import { isEditor, requireRole, type Viewer } from '../auth/viewer';
import { type Visibility, visibilityFor } from '../auth/visibility';
import { recordAnchor } from '../claim/claim-anchors';
import { Role } from '../user/user.entity';
import { ClaimantKind } from './claimant.entity';
import type { CreateClaimantInput, UpdateClaimantInput } from './claimant.inputs';
import { isWikidataId, nameKeyOf } from './claimant-name';
import { aliasesOf, insertClaimant, searchKeysOf } from './claimant-writes';
import {
  claimantByNameKey,
  claimantCount,
  claimantForWrite,
  claimantPage,
  claimantVisibleForWrite,
  liveClaimsOfClaimant,
  markMerged,
  moveClaims,
  updateClaimantRow,
} from './claimant.queries';
import { type ClaimantRow, toClaimantRow } from './claimant.rows';

const NO_SUCH_CLAIMANT = 'No such claimant.';
const BAD_WIKIDATA_ID = 'A Wikidata id is "Q" and a number without leading zeros, such as "Q6279".';
const ON_RECORD_EDITORS_ONLY =
  "A claim of this claimant carries a published fact-check: renaming them is an editor's act, recorded as a public correction.";
const NOTE_REQUIRED =
  'A claim of this claimant carries a published fact-check: the change is a public correction, say why in `note`.';
const SAME_CLAIMANT = 'A claimant cannot be merged into itself.';
const MERGED = 'This claimant was merged into another: change that one.';
const TAKEN_BY_HIDDEN = 'A claimant of this name is being prepared by the editors: ask them, or choose another name.';

const SCOPE = 'claimants:id';
const MAX_QUERY = 200;

export interface ListClaimantsArgs {
  visibility: Visibility;
  first?: number | null;
  after?: string | null;
  query?: string | null;
}

/** A claimant as the write paths read it. */
type StoredClaimant = NonNullable<(typeof claimantForWrite)['row']>;

export class ClaimantService {
  private readonly db: Database;
  private readonly reader: SqlReader;

  constructor({ db }: { db: Database }) {
    this.db = db;
    this.reader = db.reader;
  }

  /** Live claimants the viewer may see, oldest first; a query keeps those whose name or an alias contains it. */
  async list({ visibility, first, after, query }: ListClaimantsArgs): Promise<Connection<ClaimantRow>> {
    const size = pageSize(first);
    if (query != null && query.length > MAX_QUERY)
      throw badUserInput(`At most ${MAX_QUERY} characters.`, 'query', { max: MAX_QUERY });
    const key = query != null ? nameKeyOf(query) : '';
    const pattern = key ? `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const variant = `${visibility.level}:${pattern === null ? 'all' : 'query'}` as const;
    const afterId = after ? decodeCursor(SCOPE, after).id : 0;
    const rows = await this.reader.rows(claimantPage[variant], { pattern, afterId, limit: size + 1 });
    return toConnection(
      rows,
      size,
      SCOPE,
      (row) => ({ value: null, id: row.id }),
      toClaimantRow,
      async () => (await this.reader.row(claimantCount[variant], { pattern }))?.n ?? 0,
    );
  }

  /** Records a claimant (REVIEWER+); a name another live claimant has (by key) is a CONFLICT naming it. */
  create(viewer: Viewer, input: CreateClaimantInput): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const name = clean(input.name);
      await refuseTakenName(manager, viewer, name, null);
      const created = await insertClaimant(manager, {
        name,
        aliases: aliasesOf(name, input.aliases ?? []),
        description: clean(input.description) || null,
        wikidataId: wikidataIdOf(input.wikidataId),
        kind: input.kind ?? ClaimantKind.PERSON,
      });
      return created.id;
    });
  }

  /**
   * Changes a claimant's record (REVIEWER+). A new name is what readers read on each of their
   * claims: once one of those carries a published fact-check, it takes an editor and a note,
   * and each such claim gets a correction (CLAIMANT_CHANGED, the names before and after).
   * Every live claim's history records the new name.
   */
  update(viewer: Viewer, claimantId: number, input: Omit<UpdateClaimantInput, 'id'>): Promise<number> {
    requireRole(viewer, Role.REVIEWER);
    return this.db.writes.run(async (manager) => {
      const stored = await findForWrite(manager, viewer, claimantId, 'input.id');
      const name = input.name == null ? stored.name : clean(input.name);
      const aliases = aliasesOf(name, input.aliases ?? (JSON.parse(stored.aliases) as string[]));
      const description =
        input.description === undefined || input.description === null
          ? stored.description
          : clean(input.description) || null;
      const wikidataId =
        input.wikidataId === undefined || input.wikidataId === null
          ? stored.wikidataId
          : wikidataIdOf(input.wikidataId);
      const kind = input.kind ?? stored.kind;
      const renamed = name !== stored.name;
      if (renamed) await refuseTakenName(manager, viewer, name, stored.id);
      const claims = renamed ? await execute(manager, liveClaimsOfClaimant, { claimantId }) : [];
      const note = onRecordNote(viewer, claims, input.note);
      await execute(manager, updateClaimantRow, {
        id: stored.id,
        name,
        nameKey: nameKeyOf(name),
        aliases: JSON.stringify(aliases),
        searchKeys: searchKeysOf(name, aliases),
        description,
        wikidataId,
        kind,
      });
      await recordRenames(manager, viewer, claims, name, note);
      return stored.id;
    });
  }

  /**
   * Merges two records of one claimant (EDITOR+): the merged one's claims move to the kept one,
   * its name and aliases become the kept one's aliases, and its id resolves to the kept one
   * from then on. A moved claim that carries a published fact-check now reads another name:
   * it takes a note and gets a correction, as a rename does.
   */
  merge(viewer: Viewer, keepId: number, mergeId: number, noteInput: string | null | undefined): Promise<number> {
    requireRole(viewer, Role.EDITOR);
    return this.db.writes.run(async (manager) => {
      if (keepId === mergeId) throw badUserInput(SAME_CLAIMANT, 'input.mergeId');
      const kept = await findForWrite(manager, viewer, keepId, 'input.keepId');
      const merged = await findForWrite(manager, viewer, mergeId, 'input.mergeId');
      const claims = await execute(manager, liveClaimsOfClaimant, { claimantId: mergeId });
      const renamed = merged.name !== kept.name ? claims : [];
      const note = onRecordNote(viewer, renamed, noteInput);
      const aliases = aliasesOf(kept.name, [
        ...(JSON.parse(kept.aliases) as string[]),
        merged.name,
        ...(JSON.parse(merged.aliases) as string[]),
      ]);
      await execute(manager, markMerged, { fromId: mergeId, toId: keepId });
      await execute(manager, moveClaims, { fromId: mergeId, toId: keepId });
      await execute(manager, updateClaimantRow, {
        id: kept.id,
        name: kept.name,
        nameKey: nameKeyOf(kept.name),
        aliases: JSON.stringify(aliases),
        searchKeys: searchKeysOf(kept.name, aliases),
        description: kept.description ?? merged.description,
        wikidataId: kept.wikidataId ?? merged.wikidataId,
        kind: kept.kind,
      });
      for (const claim of claims) claim.claimantId = keepId;
      await recordRenames(manager, viewer, claims, kept.name, renamed.length > 0 ? note : null);
      return keepId;
    });
  }
}

type LiveClaim = NonNullable<(typeof liveClaimsOfClaimant)['row']>;

/** A live claimant the viewer may see, to change; a merged one is a CONFLICT, an unseen one NOT_FOUND. */
async function findForWrite(
  manager: EntityManager,
  viewer: Viewer,
  id: number,
  field: string,
): Promise<StoredClaimant> {
  const stored = await executeOne(manager, claimantForWrite, { id });
  const level = visibilityFor(viewer).level;
  if (!stored || !(await executeOne(manager, claimantVisibleForWrite[level], { id })))
    throw notFound(NO_SUCH_CLAIMANT, field);
  if (stored.mergedIntoId !== null) throw new DomainError(ErrorCode.CONFLICT, MERGED, field);
  return stored;
}

/**
 * A name whose key another live claimant has: a CONFLICT, naming that claimant when the viewer
 * may see it (one only drafts name is the editors': its record and id stay theirs).
 */
async function refuseTakenName(
  manager: EntityManager,
  viewer: Viewer,
  name: string,
  self: number | null,
): Promise<void> {
  const taken = await executeOne(manager, claimantByNameKey, { nameKey: nameKeyOf(name) });
  if (!taken || taken.id === self) return;
  const level = visibilityFor(viewer).level;
  if (!(await executeOne(manager, claimantVisibleForWrite[level], { id: taken.id })))
    throw new DomainError(ErrorCode.CONFLICT, TAKEN_BY_HIDDEN, 'input.name');
  throw new DomainError(
    ErrorCode.CONFLICT,
    `A claimant named "${taken.name}" exists: use it, or merge the two (mergeClaimants).`,
    'input.name',
    { claimantId: toGlobalId('Claimant', taken.id), name: taken.name },
  );
}

/**
 * The note a change of the name readers read on these claims needs: none when none of them is
 * on the public record; else the viewer must be an editor and give one.
 */
function onRecordNote(viewer: Viewer, claims: LiveClaim[], note: string | null | undefined): string | null {
  if (!claims.some((claim) => claim.publicCheckId !== null)) return null;
  if (!isEditor(viewer) || !viewer.user) throw forbidden(ON_RECORD_EDITORS_ONLY);
  const text = clean(note);
  if (!text) throw badUserInput(NOTE_REQUIRED, 'input.note');
  return text;
}

/**
 * Each claim now reads `name`: its history records it, and one on the public record gets a
 * correction with `note`.
 */
async function recordRenames(
  manager: EntityManager,
  viewer: Viewer,
  claims: LiveClaim[],
  name: string,
  note: string | null,
): Promise<void> {
  for (const { articleRevision, publicCheckId, ...claim } of claims) {
    const previous = claim.claimant;
    await recordAnchor(manager, { ...claim, claimant: name }, articleRevision);
    if (publicCheckId !== null && note !== null && previous !== name)
      await insertCorrection(manager, {
        articleId: claim.articleId,
        claimId: claim.id,
        annotationId: publicCheckId,
        kind: CorrectionKind.CLAIMANT_CHANGED,
        previousVerdict: claim.verdict,
        newVerdict: claim.verdict,
        previousText: previous,
        newText: name,
        note,
        editorId: viewer.user!.id,
      });
  }
}

/** A Wikidata id as stored: checked, never fetched; empty clears it. */
function wikidataIdOf(value: string | null | undefined): string | null {
  const id = clean(value);
  if (!id) return null;
  if (!isWikidataId(id)) throw badUserInput(BAD_WIKIDATA_ID, 'input.wikidataId');
  return id;
}
