/** The part of Express's response and Fastify's reply both have, so controllers work on either. */
export interface HeaderWriter {
  header(name: string, value: string): unknown;
}
