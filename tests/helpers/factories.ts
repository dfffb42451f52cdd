import type { Dataset, DatasetArticle, DatasetClaim } from '../../src/modules/dataset/dataset.types';

const WORDS = [
  'minister',
  'said',
  'troops',
  'border',
  'report',
  'budget',
  'council',
  'vote',
  'river',
  'rates',
  'school',
  'growth',
];

/** Distinct sentences, so every claim quote occurs exactly once in the body. */
export function sentence(n: number): string {
  return `Statement ${n} says the ${WORDS[n % WORDS.length]} rose by ${n * 7} percent.`;
}

export interface ArticleSpec {
  slug: string;
  claims?: number;
  annotationsPerClaim?: number;
  citationsPerAnnotation?: number;
  publishedAt?: string;
  section?: string;
  language?: string;
  status?: DatasetArticle['status'];
  verdicts?: DatasetClaim['annotations'][number]['verdict'][];
}

export const FACTORY_SOURCE_COUNT = 4;

/** A dataset of articles with claims, published fact-checks and citations. */
export function buildDataset(specs: ArticleSpec[]): Dataset {
  const sources = Array.from({ length: FACTORY_SOURCE_COUNT }, (_, i) => ({
    url: `https://example.org/report-${i}`,
    title: `Report ${i}`,
    publisher: 'Example Org',
    publishedAt: '2024-01-01T00:00:00.000Z',
    kind: 'NEWS_REPORT' as const,
  }));
  return {
    users: [{ key: 'factory-reviewer', name: 'Factory Reviewer', role: 'REVIEWER' }],
    sources,
    articles: specs.map((spec) => {
      const claimCount = spec.claims ?? 3;
      const body = Array.from({ length: Math.max(claimCount, 1) }, (_, i) => sentence(i)).join('\n\n');
      return {
        slug: spec.slug,
        headline: `Headline of ${spec.slug}`,
        standfirst: null,
        body,
        authors: ['Test Author'],
        section: spec.section ?? 'News',
        language: spec.language ?? 'en',
        url: null,
        publishedAt: spec.publishedAt ?? '2024-06-01T12:00:00.000Z',
        status: spec.status ?? 'PUBLISHED',
        claims: Array.from({ length: claimCount }, (_, i) => ({
          key: `${spec.slug}-claim-${i}`,
          quote: sentence(i),
          claimant: `Claimant ${i % 3}`,
          annotations: Array.from({ length: spec.annotationsPerClaim ?? 1 }, (_, j) => ({
            author: 'factory-reviewer',
            verdict: spec.verdicts?.[i % spec.verdicts.length] ?? 'TRUE',
            summary: `Summary ${i}.${j}`,
            body: `Body ${i}.${j}`,
            status: 'PUBLISHED' as const,
            publishedAt: new Date(Date.UTC(2024, 6, 1, 0, i, j)).toISOString(),
            citations: Array.from({ length: spec.citationsPerAnnotation ?? 1 }, (_, k) => ({
              sourceUrl: sources[(i + j + k) % sources.length].url,
              stance: 'SUPPORTS' as const,
              excerpt: `Excerpt ${i}.${j}.${k}`,
            })),
          })),
        })),
      };
    }),
  };
}
