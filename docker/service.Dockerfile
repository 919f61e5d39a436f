# syntax=docker/dockerfile:1
# One image per service, all from this file:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=referrals -t baton-referrals .
# The dev-issuer target is the development identity provider that docker compose runs beside them.

# Build everything once; the stage is the same for every service, so Docker reuses it.
FROM node:24.22.3-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY . .
# Install scripts are not needed to build (embedded Postgres is for npm start only).
RUN npm ci --ignore-scripts --no-audit --no-fund
RUN npm run build
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund
# What every service needs at run time, gathered with the repository's layout kept.
RUN mkdir -p /out/libs \
 && for lib in libs/*/; do \
      name="$(basename "$lib")"; mkdir -p "/out/libs/$name"; \
      cp -r "$lib/package.json" "$lib/dist" "/out/libs/$name/"; \
    done \
 && cp -r libs/calendar/data /out/libs/calendar/data \
 && cp -r config package.json /out/
# Each service's run-time files, for its own image: package.json, dist, and its templates when it has them (web).
RUN for service in services/*/; do \
      name="$(basename "$service")"; mkdir -p "/services/$name"; \
      cp -r "$service/package.json" "$service/dist" "/services/$name/"; \
      if [ -d "$service/views" ]; then cp -r "$service/views" "/services/$name/"; fi; \
    done

FROM node:24.22.3-slim AS runtime
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /out/ ./
COPY docker/healthcheck.mjs ./docker/healthcheck.mjs

# The development identity provider (scripts/dev-issuer.js, libs/dev-identity); its keys live in
# /app/.baton/dev-identity.
FROM runtime AS dev-issuer
COPY --from=build /app/scripts ./scripts
RUN mkdir -p .baton/dev-identity && chown -R node:node .baton
USER 1000:1000
ENV DEV_ISSUER_HOST=0.0.0.0 DEV_ISSUER_PORT=3999
EXPOSE 3999
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3999/.well-known/jwks.json').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/dev-issuer.js"]

# A service: the default target.
FROM runtime AS service
ARG SERVICE
RUN test -n "$SERVICE" || { echo 'Build with --build-arg SERVICE=<name of a folder in services/>' >&2; exit 1; }
COPY --from=build /services/${SERVICE} ./services/${SERVICE}
ENV BATON_SERVICE=${SERVICE}
# Writable by the service for files it keeps outside its database (audit: signed checkpoints and their key).
# Kubernetes runs the image with a read-only root filesystem and mounts volumes there instead (deploy/kubernetes).
RUN mkdir -p .baton && chown node:node .baton
# The node user by number, so Kubernetes can tell it is not root (runAsNonRoot).
USER 1000:1000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "docker/healthcheck.mjs"]
# exec: node becomes PID 1's child of tini (compose init: true) and receives SIGTERM itself.
CMD ["sh", "-c", "exec node services/$BATON_SERVICE/dist/main.js"]
