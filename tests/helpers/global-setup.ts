import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Tests that start the service as a child process run the compiled build, exactly as
 * `npm start` does (esbuild-based runners do not emit decorator metadata), so build once.
 */
export default function buildOnce(): void {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
