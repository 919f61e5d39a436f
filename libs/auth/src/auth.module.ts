import { Module } from '@nestjs/common';
import type {
  DynamicModule,
  InjectionToken,
  ModuleMetadata,
  OptionalFactoryDependency,
  Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS } from './auth-options.js';
import type { AuthOptions } from './auth-options.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import { TokenVerifier } from './token-verifier.js';

export interface AuthAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => AuthOptions | Promise<AuthOptions>;
}

const SHARED_PROVIDERS: Provider[] = [TokenVerifier, { provide: APP_GUARD, useClass: BearerAuthGuard }];

/** Global: registers TokenVerifier and the default-deny BearerAuthGuard for every route of the app. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, ...SHARED_PROVIDERS],
      exports: [AUTH_OPTIONS, TokenVerifier],
    };
  }

  static forRootAsync(options: AuthAsyncOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AUTH_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        ...SHARED_PROVIDERS,
      ],
      exports: [AUTH_OPTIONS, TokenVerifier],
    };
  }
}
