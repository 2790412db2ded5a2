/**
 * What a corpus passage gets wrong, said on the panel's card before a drafter uses its wording: a citation whose year
 * or date is not the resolution's, a word or phrase written twice ("United Nations United Nations Office"). Read
 * by the checks' own detectors, so that a passage is cautioned for exactly what the draft would be flagged for.
 */
import { citationCautions } from '../citations/diagnose';
import type { ResolutionRegistry } from '../citations/registry';
import { slippedRepetitions } from './repeatedWord';

export function passageCautions(text: string, registry: ResolutionRegistry): string[] {
  const repeated = slippedRepetitions(text).map(({ run }) => `This passage repeats "${run.replace(/\s+/g, ' ')}".`);
  return [...citationCautions(text, registry), ...repeated];
}
