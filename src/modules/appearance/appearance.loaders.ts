import DataLoader from 'dataloader';
import { groupRows } from '../../db/group-rows';
import type { SqlReader } from '../../db/sql-reader';
import type { Visibility } from '../auth/visibility';
import {
  furtherPlacesByIds,
  furtherPlacesOfClaims,
  outsideAppearancesByIds,
  outsideAppearancesOfClaims,
} from './appearance.queries';
import { type FurtherPlaceRow, type OutsideAppearanceRow, toOutsideAppearanceRow } from './appearance.rows';

export interface AppearanceLoaders {
  /** A live outside appearance of a claim the viewer may see (node(id)). */
  outsideAppearanceById: DataLoader<number, OutsideAppearanceRow | null>;
  /**
   * Every outside appearance of a claim, removed ones included, oldest first: callers reach
   * them through a visible claim and keep those live at the moment they read.
   */
  outsideAppearancesOfClaim: DataLoader<number, OutsideAppearanceRow[]>;
  /** A live further place of a claim, in an article the viewer may see (node(id)); its claim is the caller's to check. */
  furtherPlaceById: DataLoader<number, FurtherPlaceRow | null>;
  /**
   * A claim's further places in other articles, in articles the viewer may see, removed ones
   * included, oldest first: callers keep those live at the moment they read.
   */
  furtherPlacesOfClaim: DataLoader<number, FurtherPlaceRow[]>;
}

export function createAppearanceLoaders(reader: SqlReader, visibility: Visibility): AppearanceLoaders {
  const outsideAppearanceById = new DataLoader<number, OutsideAppearanceRow | null>(async (ids) => {
    const rows = await reader.rows(outsideAppearancesByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, toOutsideAppearanceRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const outsideAppearancesOfClaim = new DataLoader<number, OutsideAppearanceRow[]>(async (claimIds) => {
    const rows = await reader.rows(outsideAppearancesOfClaims, { claimIds });
    return groupRows(claimIds, rows.map(toOutsideAppearanceRow), (row) => row.claimId);
  });
  const furtherPlaceById = new DataLoader<number, FurtherPlaceRow | null>(async (ids) => {
    const rows = await reader.rows(furtherPlacesByIds[visibility.level], { ids });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const furtherPlacesOfClaim = new DataLoader<number, FurtherPlaceRow[]>(async (claimIds) => {
    const rows = await reader.rows(furtherPlacesOfClaims[visibility.level], { claimIds });
    return groupRows(claimIds, rows, (row) => row.claimId!);
  });
  return { outsideAppearanceById, outsideAppearancesOfClaim, furtherPlaceById, furtherPlacesOfClaim };
}
