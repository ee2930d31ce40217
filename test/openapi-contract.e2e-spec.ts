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

    it('turns an answer unlike it into a failure naming the operation, the status and the path', () => {
      const page = (item: unknown) => JSON.stringify({ items: [item], nextCursor: null });
      const mine = (status: number, type: string, body: string) => () =>
        heard.contract.check('GET', '/v1/me/feedback?limit=5', status, type, body);
      const json = 'application/json; charset=utf-8';
      expect(mine(200, json, page('a string'))).toThrow(
        /GET \/v1\/me\/feedback \(MyFeedbackController_list\) answered 200 unlike its schema: \/items\/0 must be object/,
      );
      expect(mine(200, json, JSON.stringify({ items: [], nextCursor: null, total: 3 }))).toThrow(
        /must NOT have additional properties \{"additionalProperty":"total"\}/,
      );
      expect(mine(418, json, '{}')).toThrow(/answered 418, which it does not declare/);
      const problem = JSON.stringify({
        type: 'https://heard.dev/problems/x',
        title: 'x',
        status: 401,
      });
      expect(mine(401, json, problem)).toThrow(/answered 401 as application\/json/);
      expect(mine(401, 'application/problem+json', problem)).not.toThrow();
      expect(() => heard.contract.check('GET', '/v1/nowhere', 200, json, '{}')).toThrow(
        /no operation in the document matches/,
      );
    });
  },
);
