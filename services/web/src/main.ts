import '@baton/service-host/instrumentation';
import 'reflect-metadata';
import { runWebService } from './host/run-web-service.js';

await runWebService();
