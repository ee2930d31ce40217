import {
  embeddedDeployment,
  embeddedOnExpress,
  HeardUnderTest,
  startHeard,
} from './support/heard-under-test';
import { lintOpenApi } from './support/lint-openapi';

/** The document the app serves, not a copy: what a client generator or a gateway would read. */
describe.each([embeddedDeployment, embeddedOnExpress])(
  'the OpenAPI document served on $name',
  (deployment) => {
    let heard: HeardUnderTest;

    beforeAll(async () => {
      heard = await startHeard(deployment);
    }, 60_000);

    afterAll(async () => {
      await heard?.close();
    });

    it("passes Redocly's recommended rules with no error and no warning", async () => {
      const response = await fetch(`${heard.url}/docs-json`);
      expect(response.status).toBe(200);
      const problems = await lintOpenApi(await response.text());
      expect(
        problems.map((p) => `${p.severity} ${p.ruleId} at ${p.pointer}: ${p.message}`),
      ).toEqual([]);
    }, 30_000);
  },
);
