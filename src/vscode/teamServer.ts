/**
 * The team corpus on a server: connects as the settings say (`precedent.server.*`, in a trusted workspace only) with
 * the password from VS Code's secret storage, keeps the status bar and the log told of the server's state, and
 * offers the commands that set or clear the password and reconnect. The link itself (timeouts, reconnecting) is the
 * core's (serverLink.ts); this adapter only feeds it the editor's settings and secrets.
 */
import * as vscode from 'vscode';
import type { ServerLink, ServerState } from '../core/db/serverLink';
import { core } from './loadCore';
import { affectsPrecedent, readSettings } from './settings';
import type { CorpusStatusBar } from './statusBar';

export const SET_SERVER_PASSWORD = 'Set Server Password';
const URL_SETTING = 'precedent.server.url';

/** The secret's key: one password per server URL, so that pointing the setting elsewhere never sends it there. */
function secretKey(url: string): string {
  return `precedent.server.password:${url}`;
}

export class TeamServer implements vscode.Disposable {
  private link: ServerLink | null = null;
  private url: string | null = null;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<ServerLink | null>();
  /** Fires when the link is replaced (another server, password or collections) or removed. */
  readonly onDidChangeLink = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  /** Fires when the server comes, goes or is connecting again: findings checked meanwhile are checked again. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly status: CorpusStatusBar,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsPrecedent(event, 'server')) void this.configure('the server settings changed');
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.configure('the workspace is trusted')),
      secrets.onDidChange((event) => {
        if (this.url && event.key === secretKey(this.url)) void this.configure('the server password changed');
      }),
      this.changed,
      this.stateChanged,
    ];
  }

  /** The link to the server, or null when none is set (or the workspace is untrusted, or the setting is wrong). */
  get current(): ServerLink | null {
    return this.link;
  }

  /** (Re)connects as the settings now say; the first attempt runs in the background (nothing waits for it). */
  async configure(reason: string): Promise<void> {
    const generation = ++this.generation;
    this.replace(null);
    const settings = readSettings();
    if (!settings.serverUrl) return;
    if (!vscode.workspace.isTrusted) {
      this.log.info(`${URL_SETTING} is set, but this workspace is not trusted: no server is connected`);
      return;
    }
    let url: string;
    try {
      const checked = core().serverUrlFromSetting(settings.serverUrl, URL_SETTING);
      url = checked.url;
      if (checked.strippedPassword) this.warnOfPasswordInSetting();
    } catch (error) {
      this.log.error((error as Error).message);
      void vscode.window.showErrorMessage(`Precedent: ${(error as Error).message}`);
      return;
    }
    const password = await this.secrets.get(secretKey(url));
    // Configured again (a setting and the password changed together) while the secret was read: that one stands.
    if (generation !== this.generation) return;
    const server = core().describeServer(url);
    this.log.info(
      `Connecting to ${server} (${reason})` +
        (settings.serverCollections.length > 0 ? `, collections ${settings.serverCollections.join(', ')}` : '') +
        (password === undefined ? ', without a stored password' : ''),
    );
    const { DatabaseCorpus, ServerLink } = core();
    const link = new ServerLink({
      open: async () => {
        const corpus = await DatabaseCorpus.open(url, {
          password,
          collections: settings.serverCollections,
          timeoutMs: settings.serverTimeoutMs,
        });
        // The words and acronyms every question needs, read before the first one (which then answers in time).
        await corpus.prepare().catch(async (error: unknown) => {
          await corpus.close().catch(() => undefined);
          throw error;
        });
        return corpus;
      },
      timeoutMs: settings.serverTimeoutMs,
      onState: (state) => {
        if (this.link !== link) return;
        this.logState(server, state);
        this.status.server({ server, state });
        this.stateChanged.fire(state);
      },
      onError: (what, error) => this.log.error(`The server could not answer ${what}: ${error.message}`),
    });
    this.url = url;
    this.replace(link);
    this.status.server({ server, state: link.state });
    void link.start();
  }

  /** Asks for the password, unless a script running the command passed it (`{ password }`). */
  async setPassword(given?: { password?: string }): Promise<void> {
    const url = this.url ?? this.settingUrl();
    if (!url) {
      void vscode.window.showInformationMessage(`Precedent: set ${URL_SETTING} first (a postgresql:// URL without the password).`);
      return;
    }
    const password =
      typeof given?.password === 'string'
        ? given.password
        : await vscode.window.showInputBox({
            title: 'Precedent: Set Server Password',
            prompt: `The password of ${core().describeServer(url)}. It is kept in VS Code's secret storage, never in settings.`,
            password: true,
            ignoreFocusOut: true,
          });
    if (password === undefined) return;
    await this.secrets.store(secretKey(url), password);
    this.log.info(`The server password was stored for ${core().describeServer(url)}`);
    this.url = url;
    await this.configure('the server password changed');
  }

  async clearPassword(): Promise<void> {
    const url = this.url ?? this.settingUrl();
    if (!url) return;
    await this.secrets.delete(secretKey(url));
    this.log.info(`The server password was removed for ${core().describeServer(url)}`);
    void vscode.window.showInformationMessage('Precedent: the server password was removed from the secret storage.');
    await this.configure('the server password was removed');
  }

  reconnect(): Promise<void> {
    if (this.link) return this.link.reconnectNow();
    return this.configure('reconnect requested');
  }

  dispose(): void {
    this.link?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private replace(link: ServerLink | null): void {
    if (this.link === link) return;
    this.link?.dispose();
    this.link = link;
    if (!link) {
      this.url = null;
      this.status.server(null);
    }
    this.changed.fire(link);
  }

  private settingUrl(): string | null {
    const { serverUrl } = readSettings();
    if (!serverUrl) return null;
    try {
      return core().serverUrlFromSetting(serverUrl, URL_SETTING).url;
    } catch {
      return null;
    }
  }

  private warnOfPasswordInSetting(): void {
    const message =
      `${URL_SETTING} holds a password: it is not used. Settings are plain text (and may be synced or committed): ` +
      `remove the password from the URL and set it with "Precedent: ${SET_SERVER_PASSWORD}", which keeps it in the secret storage.`;
    this.log.warn(message);
    void vscode.window.showWarningMessage(`Precedent: ${message}`, SET_SERVER_PASSWORD).then((choice) => {
      if (choice === SET_SERVER_PASSWORD) void this.setPassword();
    });
  }

  private logState(server: string, state: ServerState): void {
    switch (state.kind) {
      case 'connecting':
        return this.log.info(`Connecting to ${server}…`);
      case 'connected':
        if (state.slow) return this.log.warn(`The server is slow: ${state.slow}; that answer came from the local folders only`);
        return this.log.info(
          `Connected to ${server}: ${state.documents} documents, ${state.passages} passages in ` +
            (state.collections.join(', ') || 'no collection this role may read'),
        );
      case 'unavailable':
        return this.log.warn(
          `The server is unavailable: ${state.reason}. Searches, hovers and checks use the local folders only; ` +
            `trying again in ${Math.round(state.retryInMs / 1000)} s`,
        );
    }
  }
}
