/**
 * The Precedent panel on one corpus: the passages for the sentence at the cursor (a corpus sentence as a drafter
 * might rewrite it: a word dropped, one changed) and the history of a phrase (a corpus sentence), p50/p95 of the
 * core's time, and how often the passage the sentence was made from comes first.
 */
import type { PrecedentWorkspace } from '../src/core/workspace';
import { percentile } from './measure';
import { randomInt, seededRandom } from './random';

const SENTENCES = 200;
const HISTORIES = 100;
const SEED = 14;
/** Untimed questions first, as an editor that has been open a while has had: the timings are of warm code. */
const WARM_UP = 10;
/** Sentences shorter than this are not what a drafter compares. */
const MIN_WORDS = 10;

export interface PanelFigures {
  sentences: number;
  /** The passages for a sentence, as the panel asks for them (up to five). */
  passages: { p50: number; p95: number; sourceFirst: number };
  histories: number;
  history: { p50: number; p95: number; meanEntries: number };
}

export function measurePanel(workspace: PrecedentWorkspace): PanelFigures {
  const random = seededRandom(SEED);
  const texts = workspace.documents.flatMap((d) =>
    d.passages.map((p) => ({ file: d.file, text: d.paragraphs[p.paragraph].text.slice(p.start, p.end) })),
  );
  const long = texts.filter((t) => t.text.split(' ').length >= MIN_WORDS);
  const pick = () => long[randomInt(random, long.length)];

  for (let i = 0; i < WARM_UP; i++) {
    workspace.passagesForSentence(pick().text, { limit: 5 });
    workspace.phraseHistory(pick().text);
  }
  const passageTimes: number[] = [];
  let sourceFirst = 0;
  for (let i = 0; i < SENTENCES; i++) {
    const source = pick();
    const words = source.text.split(' ');
    words.splice(randomInt(random, words.length), 1);
    words[randomInt(random, words.length)] = 'notably';
    const started = performance.now();
    const [first] = workspace.passagesForSentence(words.join(' '), { limit: 5 });
    passageTimes.push(performance.now() - started);
    if (first?.text === source.text) sourceFirst++;
  }

  const historyTimes: number[] = [];
  let entries = 0;
  for (let i = 0; i < HISTORIES; i++) {
    const started = performance.now();
    const history = workspace.phraseHistory(pick().text);
    historyTimes.push(performance.now() - started);
    entries += history.entries.length;
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return {
    sentences: SENTENCES,
    passages: {
      p50: percentile(sorted(passageTimes), 0.5),
      p95: percentile(sorted(passageTimes), 0.95),
      sourceFirst: sourceFirst / SENTENCES,
    },
    histories: HISTORIES,
    history: { p50: percentile(sorted(historyTimes), 0.5), p95: percentile(sorted(historyTimes), 0.95), meanEntries: entries / HISTORIES },
  };
}

export function formatPanelFigures(figures: PanelFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `  panel, passages for a sentence (${figures.sentences} rewritten corpus sentences): p50 ${ms(figures.passages.p50)}, ` +
      `p95 ${ms(figures.passages.p95)}, its source first ${(figures.passages.sourceFirst * 100).toFixed(0)}%  (target p95 ≤ 30 ms at ×10)`,
    `  panel, history of a phrase (${figures.histories} corpus sentences): p50 ${ms(figures.history.p50)}, ` +
      `p95 ${ms(figures.history.p95)}, ${figures.history.meanEntries.toFixed(1)} entries on average  (target p95 ≤ 200 ms at ×10)`,
  ].join('\n');
}
