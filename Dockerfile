# syntax=docker/dockerfile:1
# contact-sandbox: every vendor on one port (4010), default scenario.
#   docker build -t contact-sandbox .
#   docker run --rm -p 4010:4010 contact-sandbox
#   docker run --rm -p 4010:4010 contact-sandbox node mock-server/dist/main.js --scenario ocamba/rate-limited --seed 1
# `.ci/run` stages both stages without a Docker engine (test/docker/stage-image.ts).

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts
COPY tsconfig.json ./
COPY scripts/build-stamp.mjs ./scripts/
COPY mock-server ./mock-server
# The precompile step reads the contracts and the scenarios.
COPY contracts ./contracts
# The build checks the fixtures against the contracts once, so that start-up need not (decision 0034).
COPY fixtures ./fixtures
COPY scenarios ./scenarios
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4010
WORKDIR /app
COPY package.json package-lock.json ./
# A cache mount keeps npm's cache out of the image (no `npm cache clean` needed).
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts
COPY --from=build /app/mock-server/dist ./mock-server/dist
COPY contracts ./contracts
COPY fixtures ./fixtures
COPY scenarios ./scenarios
USER node
EXPOSE 4010
# With SANDBOX_ADMIN_TOKEN set every admin call needs it, the health check too (decision 0031).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["node", "-e", "const t=process.env.SANDBOX_ADMIN_TOKEN;fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/__admin/health',{headers:t?{authorization:'Bearer '+t}:{}}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The same command `npm start` runs (test/contract/repository.test.ts checks it).
CMD ["node", "mock-server/dist/main.js"]
