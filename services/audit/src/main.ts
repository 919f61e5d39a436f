import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { auditService } from './audit.service-definition.js';

await runService(auditService);
