import { Controller, Get, Render, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { primaryNavigation } from '../layout/navigation.js';

/** The start page: the signed-in person's sections, what is theirs to do first. */
@Controller()
export class HomeController {
  @Get()
  @Render('pages/home.njk')
  home(@Req() request: FastifyRequest) {
    return { pageTitle: 'Home', tasks: primaryNavigation(request.session.person!, request.url) };
  }
}
