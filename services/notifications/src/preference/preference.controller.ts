import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { CurrentCaller, type Caller } from '@baton/auth';
import { ApiIfMatch, ApiProblems, ApiSuccess, ApiTag, etagFor, requireIfMatch, ApiExampleBody } from '@baton/http-api';
import { PreferenceDto, type EmailMode, preferenceExample } from './dto/preference.dto.js';
import { PreferenceView as PreferenceViewSchema } from '../notifications.responses.js';

interface PreferenceView {
  email: EmailMode;
  version: number;
}

/** The caller's own choice of how routine e-mail reaches them. */
@ApiTag('preferences', 'How a person wants to hear about things')
@ApiBearerAuth()
@Controller('v1/preferences/me')
export class PreferenceController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'How I hear about routine notifications (immediate e-mail or a daily digest)' })
  @ApiSuccess(200, { description: 'My preference', type: PreferenceViewSchema, headers: ['ETag'] })
  async get(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<PreferenceView> {
    const view = await this.load(caller);
    void reply.header('etag', etagFor(view.version));
    return view;
  }

  @Put()
  @ApiOperation({ summary: 'Choose immediate e-mail or a daily digest for routine notifications' })
  @ApiIfMatch()
  @ApiSuccess(200, { description: 'My preference, changed', type: PreferenceViewSchema, headers: ['ETag'] })
  @ApiProblems(412, 428)
  @ApiExampleBody(PreferenceDto, preferenceExample)
  async put(
    @CurrentCaller() caller: Caller,
    @Body() body: PreferenceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PreferenceView> {
    const view = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO preference (tenant, person_id, email_mode, version) VALUES ($1, $2, 'immediate', 0)
         ON CONFLICT (tenant, person_id) DO NOTHING`,
        [caller.tenant, caller.personId],
      );
      const [current] = await manager.query<{ version: number }[]>(
        'SELECT version FROM preference WHERE tenant = $1 AND person_id = $2 FOR UPDATE',
        [caller.tenant, caller.personId],
      );
      // Version 0 is the default nobody has chosen yet; its ETag is "1", as GET shows it.
      requireIfMatch(ifMatch, Math.max(current.version, 1));
      const version = Math.max(current.version, 1) + 1;
      await manager.query(
        'UPDATE preference SET email_mode = $3, version = $4, updated_at = now() WHERE tenant = $1 AND person_id = $2',
        [caller.tenant, caller.personId, body.email, version],
      );
      return { email: body.email, version };
    });
    void reply.header('etag', etagFor(view.version));
    return view;
  }

  private async load(caller: Caller): Promise<PreferenceView> {
    const [row] = await this.dataSource.query<{ email: EmailMode; version: number }[]>(
      'SELECT email_mode AS email, version FROM preference WHERE tenant = $1 AND person_id = $2',
      [caller.tenant, caller.personId],
    );
    return row ? { email: row.email, version: Math.max(row.version, 1) } : { email: 'immediate', version: 1 };
  }
}
