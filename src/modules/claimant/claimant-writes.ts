import type { EntityManager } from 'typeorm';
import { execute, executeOne } from '../../db/sql';
import { clean } from '../../graphql/text-rules';
import { ClaimantKind } from './claimant.entity';
import { nameKeyOf, slugCandidate, slugOf } from './claimant-name';
import { claimantByNameKey, insertClaimantRow, liveClaimantOf, slugTaken } from './claimant.queries';

/** A claimant as claims name it: its id and its name. */
export interface ClaimantRef {
  id: number;
  name: string;
}

export interface NewClaimant {
  name: string;
  aliases?: readonly string[];
  description?: string | null;
  wikidataId?: string | null;
  kind?: ClaimantKind;
  /** The address wanted (an imported claimant keeps the one it had); used only when free. */
  slug?: string | null;
}

/** The keys `claimants(query:)` matches: the name's and each alias's, one per line. */
export function searchKeysOf(name: string, aliases: readonly string[]): string {
  return [...new Set([name, ...aliases].map(nameKeyOf))].join('\n');
}

/** Aliases as stored: trimmed, without the name itself or repeats (by key), in the order given. */
export function aliasesOf(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([nameKeyOf(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const text = clean(alias);
    const key = nameKeyOf(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(text);
  }
  return kept;
}

/** A slug for the name that no claimant has yet, inside the caller's transaction. */
export async function freeSlug(manager: EntityManager, name: string): Promise<string> {
  const base = slugOf(name);
  for (let n = 1; ; n += 1) {
    const slug = slugCandidate(base, n);
    if (!(await executeOne(manager, slugTaken, { slug }))) return slug;
  }
}

/** Stores a claimant whose name key is free (the caller checked), inside the caller's transaction. */
export async function insertClaimant(manager: EntityManager, claimant: NewClaimant): Promise<ClaimantRef> {
  const aliases = claimant.aliases ?? [];
  const [row] = await execute(manager, insertClaimantRow, {
    slug:
      claimant.slug && !(await executeOne(manager, slugTaken, { slug: claimant.slug }))
        ? claimant.slug
        : await freeSlug(manager, claimant.name),
    name: claimant.name,
    nameKey: nameKeyOf(claimant.name),
    aliases: JSON.stringify(aliases),
    searchKeys: searchKeysOf(claimant.name, aliases),
    description: claimant.description ?? null,
    wikidataId: claimant.wikidataId ?? null,
    kind: claimant.kind ?? ClaimantKind.PERSON,
  });
  return { id: row.id, name: claimant.name };
}

/**
 * The live claimant a free-text name stands for (same name key), stored first if there is none:
 * how the deprecated `claimant: String` inputs and imports name claimants.
 */
export async function claimantForName(manager: EntityManager, name: string): Promise<ClaimantRef> {
  const existing = await executeOne(manager, claimantByNameKey, { nameKey: nameKeyOf(name) });
  return existing ?? insertClaimant(manager, { name });
}

/** The live claimant an id resolves to (a merged one's keeper), or null if there is no such claimant. */
export async function claimantById(manager: EntityManager, id: number): Promise<ClaimantRef | null> {
  return (await executeOne(manager, liveClaimantOf, { id })) ?? null;
}
