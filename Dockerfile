# syntax=docker/dockerfile:1
# contact-sandbox: every vendor on one port (4010), default scenario.
#   docker build -t contact-sandbox .
#   docker run --rm -p 4010:4010 contact-sandbox
#   docker run --rm -p 4010:4010 contact-sandbox node mock-server/dist/main.js --scenario ocamba/rate-limited --seed 1

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY mock-server ./mock-server
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4010
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/mock-server/dist ./mock-server/dist
COPY contracts ./contracts
COPY fixtures ./fixtures
COPY scenarios ./scenarios
USER node
EXPOSE 4010
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The same command `npm start` runs (test/contract/repository.test.ts checks it).
CMD ["node", "mock-server/dist/main.js"]
