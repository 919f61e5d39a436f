import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { primaryNavigation } from '../layout/navigation.js';

/** The start page: a practitioner's is My work; anyone else sees the sections they work in. */
@Controller()
export class HomeController {
  @Get()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const person = request.session.person!;
    if (person.roles.includes('practitioner')) return reply.redirect('/my-work', 303);
    return reply.view('pages/home.njk', { pageTitle: 'Home', tasks: primaryNavigation(person, request.url) });
  }
}
