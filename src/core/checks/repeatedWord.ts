/**
 * `repeated-word`: "the the", "The the", "in in", and repeated runs of words ("United Nations United Nations Office").
 * Spared by their shape, as a drafter reads them: the same words in another case unless they are small words,
 * reduplications ("again and again", "hand in hand in", "door to door to"), "a spade a spade", parallel repetition
 * ("a spade a spade, an occupation an occupation and aggression aggression"), names ("Abdullah Abdullah"),
 * grammatical doubles ("that that", "had had"), and a word beside a hyphenated compound that holds it ("swearing-in
 * in", "on on-the-ground").
 */
import type { Check } from './types';
import { findingMessage } from './message';

/** Doubled words that are grammatical: "that that", "had had". */
const ALLOWED_DOUBLES = new Set(['that', 'had']);
/** "what is mine is mine": a repeated run that opens with a verb of being is a figure of speech. */
const COPULA_START = /^(?:is|are|was|were)\s/i;
/** "Abdullah Abdullah", "Bora Bora": a doubled capitalised word is a name. */
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** The word that links a reduplication: "again and again", "step by step", "hand in hand", "day after day". */
const LINK = new Set(['and', 'or', 'by', 'to', 'in', 'after', 'upon', 'for', 'over']);
/** "more and more", "call a spade a spade": the word that opens a repeated pair of that shape. */
const PAIR_OPENER = new Set(['and', 'or', 'a', 'an']);
/**
 * Words no reduplication is made of: "of the of the", "in the in the" and "and the and the" are slips, while "again
 * and again" and "more and more" are not.
 */
const FUNCTION_WORD = new Set(
  [
    'a an the of to in at by for with from and or but as that this these those',
    'it its we our us you your they their he she his her i is are was were be been not no',
  ]
    .join(' ')
    .split(' '),
);
/** A repetition this close to an idiom, in its sentence, continues the figure: "a spade a spade … aggression aggression". */
const PARALLEL_CHARS = 60;
/**
 * Latin letters, accented ones included, rather than \p{L}: a non-Unicode pattern runs in little more than half the
 * time, and statements are drafted in English or French. A hyphen binds a word to its compound on either side.
 */
const REPEATED_RUN = /(?<![A-Za-zÀ-ɏ-])((?:[A-Za-zÀ-ɏ]+[ \t\r\n]+){0,3}[A-Za-zÀ-ɏ]+)([ \t\r\n]+)\1(?![A-Za-zÀ-ɏ-])/gi;

export interface Repetition {
  run: string;
  repeated: string;
  start: number;
  end: number;
}

/** True for repetitions a drafter means: a reduplication, an idiom of the "a spade a spade" shape, a name. */
function isMeant({ run, repeated }: Repetition): boolean {
  const words = run.toLowerCase().split(/\s+/);
  // In another case the words are a slip only when they are small words ("The the", "in In"): "a truly united United
  // Nations" and "the country office of the Office of the High Commissioner" are written so on purpose.
  if (run !== repeated && !words.every((word) => FUNCTION_WORD.has(word))) return true;
  if (words.length === 1) {
    // A name repeats itself in capitals ("Abdullah Abdullah"); "The the" is a slip.
    return ALLOWED_DOUBLES.has(words[0]) || (CAPITALISED.test(run) && run === repeated);
  }
  if (COPULA_START.test(run)) return true;
  if (words.length !== 2) return false;
  const [first, second] = words;
  // "again and | again and again", "hand in | hand in order": the run is "X link", so "X link X" stands in it.
  if (LINK.has(second) && !FUNCTION_WORD.has(first)) return true;
  // "and more | and more", "a spade | a spade": the run is "opener X", so "X opener X" or "a X a X" stands in it.
  return PAIR_OPENER.has(first) && !FUNCTION_WORD.has(second);
}

/** True when a meant repetition stands just before or after this one in the same sentence. */
function inSeries(text: string, repetitions: Repetition[], meant: boolean[], i: number): boolean {
  const near = (j: number) => {
    const [first, second] = j < i ? [repetitions[j], repetitions[i]] : [repetitions[i], repetitions[j]];
    return meant[j] && second.start - first.end <= PARALLEL_CHARS && !/[.!?]/.test(text.slice(first.end, second.start));
  };
  return (i > 0 && near(i - 1)) || (i + 1 < repetitions.length && near(i + 1));
}

/** The repetitions of a text a drafter would delete (not meant, not in a series of meant ones), in order. */
export function slippedRepetitions(text: string): Repetition[] {
  const repetitions: Repetition[] = [];
  for (const match of text.matchAll(REPEATED_RUN)) {
    const [whole, run, gap] = match;
    const start = match.index ?? 0;
    repetitions.push({ run, repeated: whole.slice(run.length + gap.length), start, end: start + whole.length });
  }
  const meant = repetitions.map(isMeant);
  return repetitions.filter((_, i) => !meant[i] && !inSeries(text, repetitions, meant, i));
}

export const repeatedWord: Check = {
  code: 'repeated-word',
  summary: 'a word or phrase written twice in a row, "the the"',
  defaultSeverity: 'warning',
  run(input) {
    return slippedRepetitions(input.text).map((repetition) => {
      const { run, start, end } = repetition;
      const single = !/\s/.test(run);
      const words = run.replace(/\s+/g, ' ');
      return {
        message: findingMessage({
          written: `${words} ${words}`,
          right: words,
          why: `${single ? 'a word' : 'words'} written twice in a row`,
        }),
        start: end - repetition.repeated.length,
        end,
        fixes: [{ title: `Remove the repeated "${words}"`, start: start + run.length, end, replacement: '' }],
        related: [],
      };
    });
  },
};
