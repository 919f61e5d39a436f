import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { agencyViewsService } from './agency-views.service-definition.js';

await runService(agencyViewsService);
