import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'baton:auth:public';

/** Lets a route (or every route of a controller) be called without a bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
