/**
 * What a drafter feels in the editor, on one corpus: how long the extension host's event loop stalls while the
 * corpus is indexed, checking a 2,000-word draft (and re-checking it after one paragraph is edited), looking up the
 * closest precedent of every sentence, and ghost-text completions.
 */
import { DEFAULT_CONFIG } from '../src/core/checks/config';
import { ResolutionRegistry } from '../src/core/citations/registry';
import * as path from 'path';
import { markdownNonProse } from '../src/core/draft/markdownProse';
import { LocalCorpus } from '../src/core/service';
import { WorkerCorpus } from '../src/core/worker/workerCorpus';
import MarkdownIt from 'markdown-it';
import { parse, postprocess, preprocess } from 'micromark';
import { PrecedentWorkspace } from '../src/core/workspace';
import { REPO_ROOT } from './corpora';
import { DRAFT_WORDS, draftParagraphs, makeDraft } from './drafts';
import { type FactFigures, formatFactFigures, measureFacts } from './facts';
import { maxStallWhile, percentile } from './measure';
import { formatPanelFigures, measurePanel, type PanelFigures } from './panel';
import { measureTyping, type TypingFigures } from './typing';

const percentileOf = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
import { randomInt, seededRandom } from './random';

const DRAFTS = 12;
/** At archive size each draft opens the corpus afresh and reads its facts (seconds): fewer drafts there. */
const DRAFTS_AT_ARCHIVE_SIZE = 4;
/** Above this many passages (×10 of the sample is 272k), a corpus is archive-sized. */
export const ARCHIVE_PASSAGES = 300_000;
const COMPLETIONS = 200;
const SEED = 20171215;

interface Timing {
  p50: number;
  p95: number;
}

export interface EditorFigures {
  /**
   * Longest event-loop stall while the corpus loads, in ms: cold (empty cache; read on the index's worker
   * thread, as the extension does) and warm (from the cache).
   */
  coldLoadMaxStallMs: number;
  warmLoadMaxStallMs: number;
  /** A drafter typing while the index answers from its worker thread, as the extension asks it. */
  typing: TypingFigures;
  check: { drafts: number; sentences: number; p50: number; p95: number };
  /** Every sentence of the draft looked up for its closest precedent, with nothing remembered. */
  everySentence: { p50: number; p95: number };
  recheck: Timing;
  /**
   * Parsing the 2,000-word draft as Markdown: micromark over the whole draft, markdown-it's token stream alone (which
   * maps only blocks to lines, so it would still need a scan for inline code and link destinations), and what the
   * checks pay: micromark block by block, only blocks that may hold code or a link, each remembered.
   */
  markdown: { micromark: Timing; markdownIt: Timing; asUsed: Timing };
  completion: { prefixes: number; p50: number; p95: number; hitRate: number };
  facts: FactFigures;
  panel: PanelFigures;
}

export async function measureEditor(corpusDir: string, cacheDir: string, passages: number): Promise<EditorFigures> {
  const archiveSized = passages > ARCHIVE_PASSAGES;
  const workerScript = path.join(REPO_ROOT, 'dist', 'corpusWorker.js');
  // As the extension opens a changed corpus: its index's worker thread reads it and writes the cache.
  const coldLoadMaxStallMs = await maxStallWhile(async () => {
    let written: () => void = () => undefined;
    const saved = new Promise<void>((resolve) => (written = resolve));
    const corpus = await WorkerCorpus.start(workerScript, { roots: [corpusDir], cacheDir }, { onSaved: written });
    await saved;
    await corpus.dispose();
  });
  let workspace: PrecedentWorkspace | null = null;
  const warmLoadMaxStallMs = await maxStallWhile(async () => {
    workspace = await PrecedentWorkspace.load({ roots: [corpusDir], cacheDir });
  });
  const loaded = workspace as unknown as PrecedentWorkspace;
  const indexThread = await WorkerCorpus.start(workerScript, { roots: [corpusDir], cacheDir });
  const typed = makeDraft(draftParagraphs(loaded.documents), seededRandom(SEED + 2)).draft;
  // The benchmark's own garbage on this thread (the warm load, the draft's making) is collected first: the extension
  // host holds no index, and a collection of it would be timed as a stall of the typing.
  global.gc?.();
  const typing = await measureTyping(indexThread, typed);
  await indexThread.dispose();
  return {
    coldLoadMaxStallMs,
    warmLoadMaxStallMs,
    typing,
    ...(await measureChecks(corpusDir, cacheDir, loaded, archiveSized ? DRAFTS_AT_ARCHIVE_SIZE : DRAFTS)),
    completion: await measureCompletions(new LocalCorpus(loaded)),
    // Plain Fuse.js over a million sentences would take minutes a lookup.
    facts: await measureFacts(loaded, { plainFuse: !archiveSized }),
    panel: measurePanel(loaded),
  };
}

async function measureChecks(corpusDir: string, cacheDir: string, workspace: PrecedentWorkspace, drafts: number) {
  const registry = new ResolutionRegistry();
  const paragraphs = draftParagraphs(workspace.documents);
  const random = seededRandom(SEED);
  const checks: number[] = [];
  const rechecks: number[] = [];
  const lookups: number[] = [];
  const micromarkTimes: number[] = [];
  const asUsedTimes: number[] = [];
  const markdownItTimes: number[] = [];
  const markdownIt = new MarkdownIt();
  let sentences = 0;
  for (let d = 0; d < drafts; d++) {
    const { chosen } = makeDraft(paragraphs, random);
    // A draft as drafters write one in Markdown: a heading, a link, inline code and a fenced block among the paragraphs.
    const draft = ['# Statement', ...chosen, 'See [the report](https://undocs.org/A/70/1) and `S/RES/2331 (2016)`.', '```\nnote\n```'].join(
      '\n\n',
    );
    let parsing = performance.now();
    postprocess(
      parse()
        .document()
        .write(preprocess()(draft, undefined, true)),
    );
    micromarkTimes.push(performance.now() - parsing);
    parsing = performance.now();
    markdownNonProse(draft);
    asUsedTimes.push(performance.now() - parsing);
    parsing = performance.now();
    markdownIt.parse(draft, {});
    markdownItTimes.push(performance.now() - parsing);
    const file = `/drafts/bench-draft-${d}.md`;
    // A fresh workspace each time, so no sentence's precedent is remembered from an earlier draft.
    const fresh = await PrecedentWorkspace.load({ roots: [corpusDir], cacheDir });
    // As the extension does before its first check: the corpus's facts are read once, in slices, not per check.
    await fresh.prepareFacts();
    // Through the seam the editor asks by, so its cost is in the figures.
    const corpus = new LocalCorpus(fresh);
    let started = performance.now();
    await corpus.check(draft, file, { registry, config: DEFAULT_CONFIG });
    checks.push(performance.now() - started);
    const edited = draft.replace(chosen[1], `We note that ${chosen[1]}`);
    started = performance.now();
    await corpus.check(edited, file, { registry, config: DEFAULT_CONFIG });
    rechecks.push(performance.now() - started);
    const draftSentences = draft.split(/(?<=[.!?])\s+/);
    sentences += draftSentences.length;
    started = performance.now();
    for (const sentence of draftSentences) workspace.closestPassage(sentence, `${file}#${d}`);
    lookups.push(performance.now() - started);
  }
  return {
    check: { drafts, sentences: Math.round(sentences / drafts), p50: percentileOf(checks, 0.5), p95: percentileOf(checks, 0.95) },
    everySentence: { p50: percentileOf(lookups, 0.5), p95: percentileOf(lookups, 0.95) },
    recheck: { p50: percentileOf(rechecks, 0.5), p95: percentileOf(rechecks, 0.95) },
    markdown: {
      micromark: { p50: percentileOf(micromarkTimes, 0.5), p95: percentileOf(micromarkTimes, 0.95) },
      markdownIt: { p50: percentileOf(markdownItTimes, 0.5), p95: percentileOf(markdownItTimes, 0.95) },
      asUsed: { p50: percentileOf(asUsedTimes, 0.5), p95: percentileOf(asUsedTimes, 0.95) },
    },
  };
}

/** Prefixes of 3–8 words from random passages; a hit is a first continuation that the source passage goes on with. */
async function measureCompletions(corpus: LocalCorpus) {
  const { workspace } = corpus;
  const random = seededRandom(SEED + 1);
  const passages = workspace.documents.flatMap((d) => d.passages.map((p) => d.paragraphs[p.paragraph].text.slice(p.start, p.end)));
  const times: number[] = [];
  let hits = 0;
  let prefixes = 0;
  while (prefixes < COMPLETIONS) {
    const words = passages[randomInt(random, passages.length)].split(' ');
    if (words.length < 12) continue;
    const length = 3 + randomInt(random, 6);
    const prefix = words.slice(0, length).join(' ');
    const rest = ` ${words.slice(length).join(' ')}`;
    const started = performance.now();
    const [first] = await corpus.complete(prefix, 3);
    times.push(performance.now() - started);
    if (first && rest.startsWith(first.text)) hits++;
    prefixes++;
  }
  return { prefixes, p50: percentileOf(times, 0.5), p95: percentileOf(times, 0.95), hitRate: hits / prefixes };
}

export function formatEditorFigures(figures: EditorFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const percentiles = (timing: { p50: number; p95: number }) => `p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}`;
  const { check, completion } = figures;
  return [
    'Editor (Precedent only):',
    `  longest event-loop stall while indexing: cold (on the index's worker thread) ${ms(figures.coldLoadMaxStallMs)}, ` +
      `warm from cache ${ms(figures.warmLoadMaxStallMs)}  (target ≤ 50 ms at ×10)`,
    `  longest event-loop stall while typing ${figures.typing.words} words (index on its worker thread; ` +
      `${figures.typing.answered} questions answered, ${figures.typing.cancelled} replaced by newer ones): ` +
      `${ms(figures.typing.maxStallMs)}  (target ≤ 50 ms at ×8)`,
    `  check a ${DRAFT_WORDS}-word draft (${check.sentences} sentences, ${check.drafts} drafts): ` +
      `${percentiles(check)}  (target p95 ≤ 250 ms)`,
    `  closest precedent of every sentence of the draft: ${percentiles(figures.everySentence)}`,
    `  re-check after editing one paragraph: ${percentiles(figures.recheck)}  (target ≤ 10 ms)`,
    `  Markdown parse of the draft: micromark ${percentiles(figures.markdown.micromark)}; ` +
      `markdown-it (tokens only, no inline offsets) ${percentiles(figures.markdown.markdownIt)}; ` +
      `as the checks use micromark (changed blocks that may hold code or links) ${percentiles(figures.markdown.asUsed)}`,
    `  ghost-text completion (${completion.prefixes} prefixes): ${percentiles(completion)}, ` +
      `source continuation first ${(completion.hitRate * 100).toFixed(0)}%  (target p95 ≤ 20 ms)`,
    formatFactFigures(figures.facts),
    formatPanelFigures(figures.panel),
  ].join('\n');
}
