import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { notificationsService } from './notifications.service-definition.js';

await runService(notificationsService);
