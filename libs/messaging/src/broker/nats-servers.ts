/**
 * The servers of a NATS_URL: one URL, or several separated by commas (the members of a cluster, as the NATS
 * tools accept them: `nats://n1:4222,nats://n2:4222,nats://n3:4222`). The client tries them in turn and
 * reconnects to another when one goes away; it also learns the cluster's other members from the servers.
 */
export function natsServers(natsUrl: string): string[] {
  const servers = natsUrl
    .split(',')
    .map((server) => server.trim())
    .filter(Boolean);
  if (servers.length === 0) throw new Error('NATS_URL names no server');
  return servers;
}
