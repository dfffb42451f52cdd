import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../paths';
import { WORKBENCH_DIST, type WorkbenchManifest } from '../http/workbench/workbench-assets';

/**
 * Bundles the reviewer's workbench (src/workbench) into dist/workbench: one minified script and
 * one stylesheet, named by their content hash, and a manifest the service reads to link them.
 * Prints the compressed size of what the first load fetches.
 */
async function main(): Promise<void> {
  fs.rmSync(WORKBENCH_DIST, { recursive: true, force: true });
  const result = await build({
    entryPoints: { app: path.join(PROJECT_ROOT, 'src', 'workbench', 'main.tsx') },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    platform: 'browser',
    jsx: 'automatic',
    outdir: WORKBENCH_DIST,
    entryNames: '[name]-[hash]',
    metafile: true,
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((file) => file.endsWith('.js'));
  const stylesheet = outputs.find((file) => file.endsWith('.css'));
  if (!script || !stylesheet) throw new Error(`the workbench bundle is incomplete: ${outputs.join(', ')}`);
  const gzipped = zlib.gzipSync(fs.readFileSync(path.join(WORKBENCH_DIST, script)), { level: 9 }).length;
  const manifest: WorkbenchManifest = { script, stylesheet, scriptGzipBytes: gzipped };
  fs.writeFileSync(path.join(WORKBENCH_DIST, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (process.env.WORKBENCH_BUILD_QUIET !== '1') {
    console.log(`workbench: ${script} ${(gzipped / 1024).toFixed(1)} KB gzipped, ${stylesheet}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
