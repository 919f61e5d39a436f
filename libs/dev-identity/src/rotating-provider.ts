// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- oidc-provider ships no types; this declares what Baton uses
/// <reference path="./oidc-provider.d.ts" />
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Provider } from 'oidc-provider';
import { providerConfiguration } from './provider-configuration.js';
import type { ProviderSettings } from './provider-configuration.js';
import { SIGNING_KEYS_FILE, SigningKeys } from './signing-keys.js';

/**
 * oidc-provider takes its keys once, when built; this rebuilds it whenever the key set changes (a rotation here or
 * on disk by another process, a retired key whose tokens have all expired), keeping its store and cookie keys, so
 * sessions and refresh tokens outlive the change.
 */
export class RotatingProvider {
  current!: Provider;
  /** The current provider's request handler (its Koa callback), made once per build. */
  handle!: (request: IncomingMessage, response: ServerResponse) => void;
  private pruneTimer: NodeJS.Timeout | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly watcher: FSWatcher;

  constructor(
    private readonly issuer: string,
    private readonly keys: SigningKeys,
    keysDirectory: string,
    private readonly settings: Omit<ProviderSettings, 'jwks' | 'signingKid'>,
  ) {
    this.build();
    this.watcher = watch(keysDirectory, (_event, name) => {
      if (name === SIGNING_KEYS_FILE) this.reloadSoon();
    });
    this.watcher.unref();
  }

  async rotate(): Promise<string> {
    const kid = await this.keys.rotate();
    this.build();
    return kid;
  }

  close(): void {
    clearTimeout(this.pruneTimer);
    clearTimeout(this.reloadTimer);
    this.watcher.close();
  }

  private build(): void {
    this.current = new Provider(
      this.issuer,
      providerConfiguration({ ...this.settings, jwks: this.keys.privateJwks(), signingKid: this.keys.currentKid }),
    );
    this.handle = this.current.callback();
    // A retired key leaves the published set when the last token it signed expires.
    clearTimeout(this.pruneTimer);
    const next = this.keys.nextExpiry();
    if (next !== undefined) {
      this.pruneTimer = setTimeout(() => this.build(), Math.max(0, next - Date.now()) + 1000).unref();
    }
  }

  /** Another process rotated the keys on disk (`node scripts/dev-issuer.js --rotate-keys`): take them up. */
  private reloadSoon(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      // A file that cannot be read now keeps the keys in use; the next change is taken up.
      void this.keys.reload().then(
        (changed) => changed && this.build(),
        () => undefined,
      );
    }, 100);
  }
}
