import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Tests that start the service as a child process run the compiled build, exactly as
 * `npm start` does (esbuild-based runners do not emit decorator metadata), so build once, with
 * the same steps as `npm run build`.
 */
export default function buildOnce(): void {
  const root = path.resolve(__dirname, '..', '..');
  const run = (...args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  run(path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json');
  run(path.join(root, 'dist', 'src', 'cli', 'compile-statements.js'));
  run(path.join(root, 'dist', 'src', 'cli', 'build-workbench.js'));
}
