import { stopTestServers } from '@baton/testing';

export default stopTestServers;
