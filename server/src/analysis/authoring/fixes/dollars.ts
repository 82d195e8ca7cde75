// unescaped-dollar: every lone `$` of the value doubled, compose's escape for a literal dollar
// (the compose spec's 12-interpolation.md), only where the value is written as is in the file.
import { replace } from '../edits';
import type { CodeAction } from '../types';
import { action, str, textAt, type FixContext } from './common';

export function unescapedDollar(ctx: FixContext<'unescaped-dollar'>): CodeAction[] {
  const { file, finding, label } = ctx;
  const escaped = str(finding.data, 'escaped');
  const written = str(finding.data, 'written');
  if (escaped === undefined || written === undefined) return [];
  // On a .env value (checks/envDollars.ts): the value's text, quotes included, becomes `escaped`.
  if (!label && file.services.length === 0 && textAt(file, finding.range) === written)
    return [
      action(
        `Write the value as ${escaped.startsWith("'") ? 'single-quoted (kept as written)' : 'each $ as $$'}`,
        file.file,
        [replace(finding.range, escaped)],
        true,
      ),
    ];
  if (!label || !label.interpolation?.identity) return [];
  if (textAt(file, label.valueRange) !== written) return [];
  return [action('Write each $ as $$ (compose keeps one $)', file.file, [replace(label.valueRange, escaped)], true)];
}
