import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../src/db/entities';
import { type ColumnKind, TABLES } from '../../src/db/tables';

/** The query layer's kind for each TypeORM column type. */
function kindOf(type: unknown): ColumnKind {
  const name = typeof type === 'function' ? type.name : String(type);
  if (name === 'Number' || name === 'integer') return 'integer';
  if (name === 'real') return 'real';
  if (name === 'Date' || name === 'datetime') return 'timestamp';
  if (name === 'simple-json') return 'json';
  if (name === 'varchar' || name === 'text') return 'text';
  throw new Error(`no kind for column type ${name}`);
}

describe('the query layer describes the tables the entities define', () => {
  it('with every column, its kind, its nullability and whether the database fills it', async () => {
    const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES });
    await dataSource.initialize();
    const fromEntities: Record<
      string,
      Record<string, { kind: ColumnKind; nullable: boolean; hasDefault: boolean }>
    > = {};
    for (const metadata of dataSource.entityMetadatas) {
      fromEntities[metadata.tableName] = Object.fromEntries(
        metadata.columns.map((column) => [
          column.databaseName,
          {
            kind: kindOf(column.type),
            nullable: column.isNullable,
            hasDefault:
              column.isGenerated || column.default !== undefined || column.isCreateDate || column.isUpdateDate,
          },
        ]),
      );
    }
    const described = Object.fromEntries(
      Object.entries(TABLES).map(([table, columns]) => [
        table,
        Object.fromEntries(
          Object.entries(columns).map(([name, spec]) => [
            name,
            { kind: spec.kind, nullable: spec.nullable, hasDefault: spec.hasDefault },
          ]),
        ),
      ]),
    );
    expect(described).toEqual(fromEntities);
    await dataSource.destroy();
  });
});
