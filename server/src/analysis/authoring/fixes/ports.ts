// published-port: the label takes the container side of the mapping it named the host side of.
import { replace } from '../edits';
import type { CodeAction } from '../types';
import { action, type FixContext, textAt } from './common';

export function publishedPort(ctx: FixContext<'published-port'>): CodeAction[] {
  const { file, finding } = ctx;
  const data = finding.data;
  // Only the value exactly as the check read it is replaced (not a ${VAR:-8080} that compose fills).
  if (!data || textAt(file, finding.range).trim() !== String(data.port)) return [];
  return [action(`Change the port to ${data.target}`, file.file, [replace(finding.range, String(data.target))], true)];
}
