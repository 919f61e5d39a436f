import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { loadConfig } from '@baton/config';
import { messagingEntities, NatsBroker } from '@baton/messaging';
import { openDatabase } from '@baton/persistence';
import { AGENCY_VIEWS_MIGRATIONS } from '../app.module.js';
import { AgencyViewsConfig } from '../config/agency-views.config.js';
import { FamilyProjection } from '../projection/family-projection.js';
import { FamilyViewStore } from '../view-store/family-view-store.js';
import { ViewRebuild } from './view-rebuild.js';

const USAGE = `Rebuilds every agency view from the event stream, online (the service keeps serving).
usage: npm run rebuild -w services/agency-views -- [--outbox <producer database url>]...
  --outbox   a producer's database (e.g. baton_referrals, baton_taf, baton_parenting) whose outbox retains events
             the stream no longer holds; needed only when the stream has been trimmed
Reads DATABASE_URL, NATS_URL, NATS_STREAM and NATS_SUBJECT_PREFIX like the service. Prints a JSON report.`;

/** The rebuild as a command an operator runs beside the running service. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { outbox: { type: 'string', multiple: true }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig(AgencyViewsConfig);
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    entities: messagingEntities,
    migrations: AGENCY_VIEWS_MIGRATIONS,
    applicationName: 'baton-agency-views-rebuild',
  });
  const broker = await NatsBroker.connect({ natsUrl: config.NATS_URL, name: 'agency-views-rebuild' });
  try {
    const store = new FamilyViewStore();
    const report = await new ViewRebuild(dataSource, new FamilyProjection(store), store).run({
      stream: config.NATS_STREAM,
      subjectPrefix: config.NATS_SUBJECT_PREFIX,
      js: broker.js,
      jsm: broker.jsm,
      retainedOutboxUrls: values.outbox ?? [],
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await broker.close();
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  new Logger('agency-views-rebuild').fatal(error.message, error.stack);
  process.exit(1);
});
