// Authoring help over a parsed project: completion, hover, navigation, rename, quick fixes,
// source actions, the outline and "Add Service to Gateway". Offsets in, offsets out.
export type {
  CodeAction,
  CompletionItem,
  CompletionKind,
  DocumentSymbol,
  FindingRef,
  Hover,
  Location,
  SymbolKind,
  TextEdit,
  WorkspaceEdits,
} from './types';
export { complete } from './complete';
export { hover } from './hover';
export { definition, highlights, references } from './navigate';
export { invalidName, prepareRename, rename } from './rename';
export { codeActions, FIXABLE_CODES, suppressActions } from './fixes';
export { sourceActions } from './actions';
export { documentSymbols } from './symbols';
export { addServiceToGateway, gatewayRequestProblem, type GatewayRequest } from './gateway';
export { gatewayChoices, type EntryPointChoice, type GatewayChoices, type ServiceChoice } from './gatewayChoices';
export { applyEdits } from './edits';
export { AUTO_FIX_CODES, autoFix, fixAll, type AppliedFix, type FixAllResult } from './fixAll';
