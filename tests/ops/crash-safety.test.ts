import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ARTICLE_SLUG } from '../../src/modules/dataset/demo-dataset';
import {
  demoReviewerToken,
  gql,
  killLeftoverServices,
  type ServiceProcess,
  startTestService,
} from '../helpers/service-process';

/**
 * Crash safety: the built service as a child process takes a stream of createAnnotation from
 * several clients and is killed with SIGKILL at a random moment, several rounds on one file.
 * Every write it acknowledged (200, an id, no errors) must be in the file after the restart,
 * whole (its citations and first revision), and the file must pass PRAGMA integrity_check.
 * Writes cut off before their answer may be there or not, but never in part.
 *
 * The kill moments come from a seeded generator: CRASH_SEED=<n> replays a failing run.
 */

const SEED = Number(process.env.CRASH_SEED ?? 424242);
const ROUNDS = 4;
const CLIENTS = 4;
/** The kill comes this long after the round's first acknowledged write, plus a random part. */
const KILL_AFTER_MS = { min: 200, spread: 1300 };

/** mulberry32: small, seedable, good enough to spread the kill moments. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }';
const STANCES = ['SUPPORTS', 'REFUTES', 'CONTEXT'] as const;
const VERDICTS = ['TRUE', 'FALSE', 'MIXED', 'MISLEADING'] as const;

/** What a client sent, kept once the service acknowledged it. */
interface Write {
  id: number;
  claimId: number;
  summary: string;
  body: string;
  verdict: string;
  citations: { url: string; stance: string; excerpt: string }[];
}

/** "Type:key" in base64url: the API's global ids. */
function keyOf(globalId: string, type: string): number {
  const [kind, key] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  if (kind !== type) throw new Error(`expected a ${type} id, got ${globalId}`);
  return Number(key);
}

let tmp: string;

afterEach(async () => {
  await killLeftoverServices();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function demoClaimIds(service: ServiceProcess): Promise<string[]> {
  const body = await gql<{ article: { claims: { id: string }[] } }>(
    service,
    `{ article(slug: "${DEMO_ARTICLE_SLUG}") { claims { id } } }`,
  );
  return body.data!.article.claims.map((claim) => claim.id);
}

interface Stream {
  acknowledged: Write[];
  /** Complete answers that were not an acknowledgement: there must be none. */
  refused: string[];
  firstAck: Promise<void>;
  /** Resolves once every client has stopped (after the service died). */
  stop(): Promise<void>;
}

/** CLIENTS loops, each sending createAnnotation one after another until told to stop. */
function streamWrites(service: ServiceProcess, token: string, claimIds: string[], label: string): Stream {
  const acknowledged: Write[] = [];
  const refused: string[] = [];
  let stopped = false;
  let onFirstAck!: () => void;
  const firstAck = new Promise<void>((resolve) => (onFirstAck = resolve));

  const client = async (c: number) => {
    for (let i = 0; !stopped; i += 1) {
      const n = `${label}-c${c}-${i}`;
      const claimId = claimIds[(c * 7 + i) % claimIds.length];
      const write: Omit<Write, 'id'> = {
        claimId: keyOf(claimId, 'Claim'),
        summary: `crash ${n}`,
        // Stored trimmed: no trailing space.
        body: Array.from({ length: 1 + (i % 5) }, () => `Body of ${n}.`).join(' '),
        verdict: VERDICTS[i % VERDICTS.length],
        citations: [
          // Shared urls: concurrent writes race to create the same source.
          { url: `https://example.org/crash/shared-${i % 5}`, stance: STANCES[i % 3], excerpt: `shared excerpt ${n}` },
          { url: `https://example.org/crash/${n}`, stance: STANCES[(i + 1) % 3], excerpt: `own excerpt ${n}` },
        ],
      };
      const input = {
        claimId,
        summary: write.summary,
        body: write.body,
        verdict: write.verdict,
        citations: write.citations.map(({ url, stance, excerpt }, k) => ({
          source: { url, title: `Source ${k}`, kind: k ? 'DATASET' : 'NEWS_REPORT' },
          stance,
          excerpt,
        })),
      };
      let status: number;
      let text: string;
      try {
        const response = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: CREATE, variables: { input } }),
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        text = await response.text();
      } catch {
        // No complete answer: the service died under this request (or before it). Not acknowledged.
        if (stopped) return;
        continue;
      }
      let body: { data?: { createAnnotation?: { id?: string } } | null; errors?: unknown[] } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        // Falls through to `refused` below.
      }
      const id = body.data?.createAnnotation?.id;
      if (status === 200 && id && !body.errors) {
        acknowledged.push({ id: keyOf(id, 'Annotation'), ...write });
        onFirstAck();
      } else {
        refused.push(`${status} ${text.slice(0, 300)}`);
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  return {
    acknowledged,
    refused,
    firstAck,
    async stop() {
      stopped = true;
      await Promise.all(clients);
    },
  };
}

/** Reads the file read-only: every acknowledged write whole, nothing half-written, integrity ok. */
function checkFile(file: string, acknowledged: Write[]): { annotations: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const annotation = db.prepare(
      'SELECT claim_id AS claimId, summary, body, verdict, version FROM annotations WHERE id = ?',
    );
    const citations = db.prepare(
      'SELECT s.url, c.stance, c.excerpt FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.annotation_id = ? ORDER BY c.position',
    );
    const revisions = db.prepare('SELECT count(*) AS n FROM annotation_revisions WHERE annotation_id = ?').pluck();
    const missing: string[] = [];
    for (const write of acknowledged) {
      const row = annotation.get(write.id);
      if (!row) {
        missing.push(write.summary);
        continue;
      }
      expect(row, write.summary).toEqual({
        claimId: write.claimId,
        summary: write.summary,
        body: write.body,
        verdict: write.verdict,
        version: 1,
      });
      expect(citations.all(write.id), write.summary).toEqual(write.citations);
      expect(revisions.get(write.id), write.summary).toBe(1);
    }
    expect(missing, `acknowledged writes lost (seed ${SEED})`).toEqual([]);

    // Writes cut off before their answer: present whole or absent, never in part.
    const partial = db
      .prepare(
        `SELECT a.summary,
           (SELECT count(*) FROM citations c WHERE c.annotation_id = a.id) AS citations,
           (SELECT count(*) FROM annotation_revisions r WHERE r.annotation_id = a.id) AS revisions
         FROM annotations a WHERE a.summary LIKE 'crash %' AND (citations <> 2 OR revisions <> 1)`,
      )
      .all();
    expect(partial).toEqual([]);
    // Shared urls are one source each, whichever request created it.
    expect(
      db
        .prepare(
          "SELECT url, count(*) AS n FROM sources WHERE url LIKE 'https://example.org/crash/shared-%' GROUP BY url HAVING n > 1",
        )
        .all(),
    ).toEqual([]);
    return {
      annotations: db.prepare("SELECT count(*) FROM annotations WHERE summary LIKE 'crash %'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged write whole across ${ROUNDS} SIGKILLs on the same file (seed ${SEED})`, async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-crash-'));
    const file = path.join(tmp, 'factline.db');
    const next = random(SEED);

    let service = await startTestService(file);
    const token = await demoReviewerToken(service);
    const claimIds = await demoClaimIds(service);
    const acknowledged: Write[] = [];

    for (let round = 1; round <= ROUNDS; round += 1) {
      const stream = streamWrites(service, token, claimIds, `r${round}`);
      await stream.firstAck;
      const delay = KILL_AFTER_MS.min + Math.floor(next() * KILL_AFTER_MS.spread);
      await new Promise((resolve) => setTimeout(resolve, delay));

      const exit = await service.stop('SIGKILL');
      await stream.stop();
      expect(exit).toBeNull();
      expect(service.child.signalCode).toBe('SIGKILL');
      expect(stream.refused, `round ${round}`).toEqual([]);
      expect(stream.acknowledged.length, `round ${round}`).toBeGreaterThan(0);
      acknowledged.push(...stream.acknowledged);

      // The restart recovers the WAL; then the file holds every acknowledged write so far.
      service = await startTestService(file);
      const { annotations } = checkFile(file, acknowledged);
      expect(annotations).toBeGreaterThanOrEqual(acknowledged.length);
      // The restarted service serves them too (the author sees its drafts).
      const last = stream.acknowledged.at(-1)!;
      const answer = await gql(
        service,
        'query($id: ID!) { annotation(id: $id) { summary citations { excerpt } } }',
        { id: Buffer.from(`Annotation:${last.id}`).toString('base64url') },
        token,
      );
      expect(answer).toEqual({
        status: 200,
        data: { annotation: { summary: last.summary, citations: last.citations.map(({ excerpt }) => ({ excerpt })) } },
      });
    }

    expect(await service.stop('SIGTERM')).toBe(0);
    checkFile(file, acknowledged);
  }, 90_000);
});
