import { Controller, Get, Render, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { todayInLondon } from '../layout/due-words.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { MyWorkApi } from './my-work.api.js';
import { myWorkPage } from './my-work.view-model.js';

/** The signed-in practitioner's own work: plans they lead, their agency's actions, reviews due, handovers to them. */
@Controller('my-work')
export class MyWorkController {
  constructor(
    private readonly myWork: MyWorkApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('my-work/my-work.njk')
  async page(@Req() request: FastifyRequest) {
    const person = request.session.person!;
    const data = await this.myWork.read(await this.callers.forRequest(request), person.personId);
    return myWorkPage(
      data,
      person,
      todayInLondon(new Date()),
      (n) => this.tenants.levelLabel(person.tenant, n)?.label ?? `Level ${n}`,
    );
  }
}
