import { startTestServers } from '@baton/testing';

export default startTestServers;
