/**
 * What the extension uses of the core, bundled apart as dist/core.js. Only type imports of it reach the entry
 * bundle; its values are reached through loadCore.ts, after activation, so that activating does not pay for
 * loading and evaluating the core.
 */
export { checkPagePath } from '../core/checkPages';
export { DEFAULT_CONFIG, parseConfig, styleSheetNamed } from '../core/checks/config';
export { CONFIG_FILE, dismissFinding, findConfig, projectBoundary, restoreFinding } from '../core/checks/configFile';
export { CORPUS_FILE_GLOB } from '../core/corpus/discover';
export { isInside, summarizeFolders } from '../core/corpus/folders';
export { describeServer, serverUrlFromSetting } from '../core/db/connection';
export { DatabaseCorpus } from '../core/db/databaseCorpus';
export { documentReference, parseDocumentReference, serverCollectionOf } from '../core/db/reference';
export { formatSeconds, ServerLink } from '../core/db/serverLink';
export { MergedCorpus } from '../core/mergedCorpus';
export { CHECKS } from '../core/checks/runChecks';
export { preferredFix } from '../core/checks/types';
export { citationCautions } from '../core/citations/diagnose';
export { loadRegistryFile, ResolutionRegistry } from '../core/citations/registry';
export { isWordOrPdf, readExtractedText } from '../core/corpus/extract/wordOrPdf';
export { describeFact, factWhen } from '../core/facts/factBase';
export {
  continues,
  emptyViewModel,
  historyCards,
  historyRule,
  matchWindow,
  PANEL_MESSAGES,
  panelMessage,
  passageCard,
  querySpans,
  searchCards,
  sentenceCards,
  sourceLine,
  withCitation,
} from '../core/panel/viewModel';
export { describeUnmatched } from '../core/search/search';
export { formatUnDate } from '../core/text/dates';
export { mergeTwins } from '../core/search/twins';
export { LocalCorpus } from '../core/service';
export { parseTemplates } from '../core/snippets';
export { PrecedentWorkspace } from '../core/workspace';
export { WorkerCorpus } from '../core/worker/workerCorpus';
