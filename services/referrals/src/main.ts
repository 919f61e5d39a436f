import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runService } from '@baton/service-host';
import { referralsService } from './referrals.service-definition.js';

await runService(referralsService);
