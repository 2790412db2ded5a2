/** The `precedent.*` settings, typed; the ones a user set explicitly override `.precedent.json`. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { CheckConfig } from '../core/checks/config';
import type { Severity } from '../core/checks/types';
import { core } from './loadCore';

export interface Settings {
  corpusPaths: string[];
  /** The user named the corpus folders (in any settings scope), rather than relying on the default "corpus". */
  corpusPathsNamed: boolean;
  includeBundled: boolean;
  /** Audit Corpus checks the bundled corpus too. */
  auditIncludeBundled: boolean;
  draftsInclude: string[];
  draftsExclude: string[];
  registry: string | null;
  completionsEnabled: boolean;
  diagnosticsRun: 'onType' | 'onSave';
  /** The team corpus's server: a connection URL without its password, "" when there is none. */
  serverUrl: string;
  /** The server's collections to search; all the role may read when empty. */
  serverCollections: string[];
  /** How long a question to the server may take before the local answer stands alone (ms). */
  serverTimeoutMs: number;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('precedent');
  const registry = config.get<string>('registry', '').trim();
  return {
    corpusPaths: config.get<string[]>('corpus.paths', ['corpus']),
    corpusPathsNamed: explicitValue(config.inspect<string[]>('corpus.paths')) !== undefined,
    includeBundled: config.get<boolean>('corpus.includeBundled', true),
    auditIncludeBundled: config.get<boolean>('audit.includeBundled', false),
    draftsInclude: config.get<string[]>('drafts.include', ['**/*.md', '**/*.txt']),
    draftsExclude: config.get<string[]>('drafts.exclude', []),
    registry: registry ? resolveInWorkspace(registry) : null,
    completionsEnabled: config.get<boolean>('completions.enabled', true),
    diagnosticsRun: config.get<'onType' | 'onSave'>('diagnostics.run', 'onType'),
    serverUrl: config.get<string>('server.url', '').trim(),
    serverCollections: config
      .get<string[]>('server.collections', [])
      .map((name) => name.trim())
      .filter(Boolean),
    serverTimeoutMs: config.get<number>('server.timeoutMs', 3000),
  };
}

/**
 * `.precedent.json`'s severities and style, overridden by each `precedent.checks.CODE` and `precedent.style` the user
 * set (not the defaults).
 */
export function withCheckSettings(config: CheckConfig): CheckConfig {
  const settings = vscode.workspace.getConfiguration('precedent');
  const checks = { ...config.checks };
  for (const check of core().CHECKS) {
    const explicit = explicitValue(settings.inspect<Severity | 'off'>(`checks.${check.code}`));
    if (explicit) checks[check.code] = explicit;
  }
  const chosenStyle = explicitValue(settings.inspect<string>('style'));
  return { ...config, checks, style: chosenStyle === undefined ? config.style : core().styleSheetNamed(chosenStyle) };
}

/** The value the user set in any scope, nearest first; undefined when only the default applies. */
function explicitValue<T>(inspected: { workspaceFolderValue?: T; workspaceValue?: T; globalValue?: T } | undefined): T | undefined {
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/** A setting's path: absolute as given, else relative to the first workspace folder. */
export function resolveInWorkspace(setting: string): string {
  if (path.isAbsolute(setting)) return setting;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, setting) : path.resolve(setting);
}

export function affectsPrecedent(event: vscode.ConfigurationChangeEvent, section?: string): boolean {
  return event.affectsConfiguration(section ? `precedent.${section}` : 'precedent');
}
