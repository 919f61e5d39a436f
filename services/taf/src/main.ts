import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { tafService } from './taf.service-definition.js';

await runService(tafService);
