import { SetMetadata } from '@nestjs/common';

export const PUBLIC_PAGE = 'baton-web:public-page';

/** A page anyone may open without signing in (sign-in itself, signed out, the accessibility statement). */
export const PublicPage = () => SetMetadata(PUBLIC_PAGE, true);
