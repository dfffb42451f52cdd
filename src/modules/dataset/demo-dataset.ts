import fs from 'node:fs';
import { DEMO_DATASET_FILE } from '../../paths';
import type { Dataset } from './dataset.types';

/** Slug of the demo article (fixtures/demo-dataset.json); the playground's example uses it. */
export const DEMO_ARTICLE_SLUG = 'biden-warns-putin-act-firmly-ukraine-tensions';

export function readDemoDataset(): Dataset {
  return JSON.parse(fs.readFileSync(DEMO_DATASET_FILE, 'utf8')) as Dataset;
}
