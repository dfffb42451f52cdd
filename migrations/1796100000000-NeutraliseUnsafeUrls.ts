import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every stored url is http(s) from now on (src/graphql/http-url.ts checks each on its way in).
 * Articles could be given any url before, `javascript:` included, and it reached reader pages,
 * ClaimReview and Web Annotations: such a url is removed (the column is optional). Sources
 * were always checked; should one be found anyway, it is replaced by an address under the
 * reserved `.invalid` domain that names it, since a source must keep a unique url. Each change
 * is reported by id, never with the url itself.
 *
 * The check is written out here, not imported, so that this migration keeps doing what it did
 * when it landed. There is nothing to undo: down() leaves the data as it is.
 */
function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value.trim());
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export class NeutraliseUnsafeUrls1796100000000 implements MigrationInterface {
  name = 'NeutraliseUnsafeUrls1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const param = (n: number) => (queryRunner.connection.options.type === 'postgres' ? `$${n}` : '?');
    const articles = (await queryRunner.query(`SELECT id, url FROM articles WHERE url IS NOT NULL`)) as {
      id: number;
      url: string;
    }[];
    for (const { id } of articles.filter((row) => !isHttpUrl(row.url))) {
      await queryRunner.query(`UPDATE articles SET url = NULL WHERE id = ${param(1)}`, [id]);
      console.warn(`factline migration: article ${id} had a url that is not http(s); it was removed.`);
    }
    const sources = (await queryRunner.query(`SELECT id, url FROM sources`)) as { id: number; url: string }[];
    for (const { id } of sources.filter((row) => !isHttpUrl(row.url))) {
      await queryRunner.query(`UPDATE sources SET url = ${param(1)} WHERE id = ${param(2)}`, [
        `https://unsafe-url.invalid/source/${id}`,
        id,
      ]);
      console.warn(
        `factline migration: source ${id} had a url that is not http(s); it now reads https://unsafe-url.invalid/source/${id}.`,
      );
    }
  }

  public async down(): Promise<void> {
    // A data repair: the unsafe urls are not put back.
  }
}
