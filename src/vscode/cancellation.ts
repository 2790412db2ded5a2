/** VS Code's cancellation tokens as the core's AbortSignals, and a cancelled question as no answer. */
import type * as vscode from 'vscode';
import type { Cancellable } from '../core/service';

export function asSignal(token: vscode.CancellationToken): Cancellable {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal };
}

/** The answer, or `fallback` when the question was cancelled (by the editor or by a newer question). */
export async function unlessCancelled<T>(answer: Promise<T>, fallback: T): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError') return fallback;
    throw error;
  }
}
