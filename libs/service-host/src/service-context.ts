import type { Logger } from '@nestjs/common';
import type { ServiceConfig } from '@baton/config';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';

/** What a service's module is built from: its validated configuration and its tenants' reference data. */
export class ServiceContext<C extends ServiceConfig> {
  private loadedTenants?: TenantDirectory;

  constructor(
    readonly config: C,
    /** For start-up notes, such as a channel left off for want of a variable. */
    readonly logger: Logger,
  ) {}

  /** Read from TENANT_CONFIG_DIR on first use, so a service that needs no tenant data reads none. */
  get tenants(): TenantDirectory {
    this.loadedTenants ??= TenantDirectory.load(this.config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir());
    return this.loadedTenants;
  }
}
