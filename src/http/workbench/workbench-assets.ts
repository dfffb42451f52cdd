import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../paths';

/** Where `npm run build` puts the workbench's bundle (src/cli/build-workbench.ts). */
export const WORKBENCH_DIST = path.join(PROJECT_ROOT, 'dist', 'workbench');

/** What the build wrote: the hashed file names the page links, and the script's compressed size. */
export interface WorkbenchManifest {
  script: string;
  stylesheet: string;
  scriptGzipBytes: number;
}

/** The built bundle's manifest, or null when the workbench has not been built. */
export function readWorkbenchManifest(): WorkbenchManifest | null {
  const file = path.join(WORKBENCH_DIST, 'manifest.json');
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as WorkbenchManifest;
}
