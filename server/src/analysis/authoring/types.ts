// The shapes authoring help hands to the language server: offsets only, no LSP types.
// server/src turns them into LSP objects (and offsets into line/character).
import type { Range } from '../types';
import type { Code, DataOf } from '../checks/codes';

export type { Range } from '../types';

/** A replacement of `range` in one file by `newText` (an insertion when the range is empty). */
export interface TextEdit {
  range: Range;
  newText: string;
  /** What the user must fill in, within newText (Add Service leaves the cursor there). */
  select?: Range;
}

/** Edits per file path. */
export type WorkspaceEdits = Record<string, TextEdit[]>;

export interface Location {
  file: string;
  range: Range;
}

export type CompletionKind = 'field' | 'name' | 'value' | 'matcher' | 'snippet' | 'keyword';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label (type, where a name is defined). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText uses snippet syntax ($1, ${1:x}, $0). */
  isSnippet?: boolean;
  /** The text the item replaces (the segment, list item or word at the cursor). */
  replace: Range;
  sortText?: string;
  filterText?: string;
  /** The next segment can be completed right away: the editor should ask again (triggerSuggest). */
  retrigger?: boolean;
  /** Made from the word being typed: the editor must ask again as it grows (an incomplete list). */
  incomplete?: boolean;
}

export interface Hover {
  markdown: string;
  range: Range;
}

export interface CodeAction {
  title: string;
  /** `quickfix` repairs a finding; `source` adds something at the cursor (not tied to a finding). */
  kind: 'quickfix' | 'source';
  isPreferred?: boolean;
  edits: WorkspaceEdits;
  /** A finding without a safe fix: the place to look at instead (the other definition). */
  reveal?: { file: string; range: Range };
}

/** What a quick fix needs of a finding: its code, where it is, and its machine-readable data. */
/**
 * A finding as the editor hands it back (an LSP diagnostic's code, range and data): its data may
 * have lost fields on the way, so every field is optional.
 */
export interface FindingRef<C extends Code = Code> {
  code: C;
  range: Range;
  data?: Partial<DataOf<C>>;
}

export type SymbolKind = 'compose-service' | 'router' | 'service' | 'middleware';

export interface DocumentSymbol {
  name: string;
  kind: SymbolKind;
  /** `http`, `tcp` or `udp` for routers, services and middlewares; a rule or image otherwise. */
  detail?: string;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}
