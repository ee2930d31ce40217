/** One part of `npm run bench:notices`: prints its own figures. */
export interface BenchSection {
  readonly name: string;
  run(): Promise<void>;
}
