import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { parentingService } from './parenting.service-definition.js';

await runService(parentingService);
