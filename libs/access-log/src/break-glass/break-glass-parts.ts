import type { Provider, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { MigrationInterface } from 'typeorm';
import { BreakGlassGrants } from './break-glass-grants.js';
import { BreakGlassGrantsHandler } from './break-glass-grants.handler.js';
import { CreateBreakGlassGrantCopies1796500000000 } from './break-glass-grants.migration.js';
import { GrantsInUseInterceptor } from './grants-in-use.js';

/**
 * What a service holding families' records adds to honour break-glass grants: its copy of the grants (the
 * migration, kept by the handler), the check, and the marking of reads made under a grant. They go into the
 * service's own module, beside its `Clock`, so tests move time past a grant's expiry.
 */
export const breakGlassMigrations: (new () => MigrationInterface)[] = [CreateBreakGlassGrantCopies1796500000000];
export const breakGlassControllers: Type[] = [BreakGlassGrantsHandler];
export const breakGlassProviders: Provider[] = [
  BreakGlassGrants,
  { provide: APP_INTERCEPTOR, useClass: GrantsInUseInterceptor },
];
