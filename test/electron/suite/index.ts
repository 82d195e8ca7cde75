// Loaded by the extension host (extensionTestsPath): runs every scenario in order, reports
// each, and rejects when one failed so @vscode/test-electron exits non-zero.
import { SCENARIOS } from './scenarios';

export async function run(): Promise<void> {
  const failed: string[] = [];
  for (const [name, scenario] of SCENARIOS) {
    const started = Date.now();
    try {
      await scenario();
      console.log(`ok - ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed.push(name);
      console.error(`not ok - ${name}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  console.log(`${SCENARIOS.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) throw new Error(`failed: ${failed.join(', ')}`);
}
