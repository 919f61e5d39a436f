import { Controller, Get, Render } from '@nestjs/common';
import { PublicPage } from '../sign-in/public.decorator.js';

/** The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require. */
@Controller('accessibility')
export class AccessibilityController {
  @PublicPage()
  @Get()
  @Render('pages/accessibility.njk')
  statement() {
    return {};
  }
}
